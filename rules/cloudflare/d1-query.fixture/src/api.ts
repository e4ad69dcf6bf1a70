// A Hono app typed with its own Bindings type.
import { Hono } from 'hono'

type Bindings = { LEDGER: D1Database }

const app = new Hono<{ Bindings: Bindings }>()

app.get('/entries', async (c) => {
  // ruleid: cloudflare/d1-query
  const rows = await c.env.LEDGER.prepare('select * from entries where owner = ?').bind(c.req.query('owner')).all()
  return c.json(rows)
})

export default app
