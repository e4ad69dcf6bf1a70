import { createClient } from '@supabase/supabase-js'

const auth = createClient(process.env.SUPABASE_URL, process.env.SUPABASE_ANON_KEY)
const STAFF = new Set((process.env.STAFF_EMAILS ?? '').split(','))

// Lets a request through only when its bearer token belongs to a staff member.
export async function staffOnly(req, res, next) {
  const { data } = await auth.auth.getUser(req.headers.authorization?.slice(7))
  if (!data.user || !STAFF.has(data.user.email)) return res.status(403).end()
  next()
}
