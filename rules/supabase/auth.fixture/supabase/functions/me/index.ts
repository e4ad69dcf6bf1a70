import { createClient } from 'npm:@supabase/supabase-js@2'
import { verifyAuth } from 'npm:@supabase/server/core'

Deno.serve(async (req) => {
  // ruleid: supabase/client
  const client = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_ANON_KEY')!, {
    global: { headers: { Authorization: req.headers.get('Authorization')! } },
  })
  // ruleid: supabase/auth
  const { data } = await client.auth.getClaims()
  // ruleid: supabase/auth
  const checked = await verifyAuth(req, { auth: 'user' } as never)
  return Response.json({ claims: data?.claims, checked })
})
