// A middleware helper hands back the client together with the response it writes cookies to.
import { createServerClient } from '@supabase/ssr'

type Cookie = { name: string; value: string }
type Req = { cookies: { getAll(): Cookie[] } }

const makeClients = (req: Req) => {
  const res = { cookies: [] as Cookie[] }
  const supabase = createServerClient(process.env.SUPABASE_URL!, process.env.SUPABASE_ANON_KEY!, {
    cookies: { getAll: () => req.cookies.getAll(), setAll: (list: Cookie[]) => res.cookies.push(...list) },
  })
  return { supabase, res }
}

export async function refreshSession(req: Req) {
  const { supabase, res } = makeClients(req)
  // ruleid: supabase/auth
  await supabase.auth.getUser()
  return res
}

// A helper returning a plain object with an `auth` member is no Supabase client.
function makeLocal() {
  const supabase = { auth: { getUser: async () => ({ id: 'local' }) } }
  return { supabase }
}

export async function localUser() {
  const { supabase } = makeLocal()
  // ok: supabase/auth
  return supabase.auth.getUser()
}
