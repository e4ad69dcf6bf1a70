import express from 'express'
import pg from 'pg'
import { createClient } from '@supabase/supabase-js'
import { staffOnly } from './staffOnly.js'

const admin = createClient(process.env.SUPABASE_URL, process.env.SUPABASE_SERVICE_ROLE_KEY)
const pool = new pg.Pool({ connectionString: process.env.REPORTS_DATABASE_URL })
const app = express()
app.use(express.json())

// Anyone can remove any chore: the service-role client runs without asking who calls.
app.delete('/api/chores/:id', async (req, res) => {
  const { error } = await admin.from('chores').delete().eq('id', req.params.id)
  res.status(error ? 500 : 204).end()
})

// Monthly reports live in a separate database; the id in the path is trusted as it comes.
app.get('/api/reports/:id', async (req, res) => {
  const { rows } = await pool.query('select * from monthly_reports where id = $1', [req.params.id])
  res.json(rows[0] ?? null)
})

// The nightly job calls this with the scheduler's shared secret; nobody else knows it.
app.post('/api/chores/rollover', async (req, res) => {
  if (req.get('x-scheduler-key') !== process.env.SCHEDULER_KEY) return res.status(401).end()
  await admin.from('chores').update({ done: false }).eq('repeats', true)
  res.status(204).end()
})

// Staff tidy up old chores; the middleware turns everyone else away before this runs.
app.post('/api/chores/archive', staffOnly, async (req, res) => {
  await admin.from('chores').update({ archived: true }).lt('due', new Date().toISOString())
  res.status(204).end()
})

app.listen(3000)
