// A plain JavaScript Worker: the binding's type comes from wrangler.toml, not from its name.
import Database from 'better-sqlite3'

async function listRooms(env) {
  // ruleid: cloudflare/d1-query
  const { results } = await env.BOOKINGS.prepare('select * from rooms').all()
  return results
}

export default {
  async fetch(request, env) {
    const url = new URL(request.url)
    if (url.pathname === '/rooms') return Response.json(await listRooms(env))
    // ok: cloudflare/d1-query
    const session = await env.SESSIONS.get('token')
    // ruleid: cloudflare/d1-query
    await env.BOOKINGS.batch([env.BOOKINGS.prepare('delete from holds')])
    return new Response(session)
  },
}

export function localCopy() {
  const local = new Database('copy.db')
  // ok: cloudflare/d1-query
  return local.prepare('select 1').get()
}
