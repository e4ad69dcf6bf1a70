import { createClient, SupabaseClient } from '@supabase/supabase-js'
import { createSupabaseContext, withSupabase } from '@supabase/server'
import { createAdminClient, createContextClient } from '@supabase/server/core'
import { withSupabase as honoSupabase } from '@supabase/server/adapters/hono'
import * as sb from 'npm:@supabase/supabase-js@2'

// ruleid: supabase/client
export const supabase = createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_ANON_KEY!)
// ruleid: supabase/client
const typed = new SupabaseClient('https://example.supabase.co', 'public-anon-key')
// ruleid: supabase/client
const viaNamespace = sb.createClient('https://example.supabase.co', 'public-anon-key')
// ruleid: supabase/client
const admin = createAdminClient()
// ruleid: supabase/client
const scoped = createContextClient({ auth: { token: 'user-jwt' } } as never)
// ruleid: supabase/client
app.use('*', honoSupabase({ auth: 'user' }))

export async function route(req: Request) {
  // ruleid: supabase/client
  const { data: ctx, error } = await createSupabaseContext(req, { auth: 'user' })
  if (error) return new Response('unauthorized', { status: 401 })
  return Response.json({ ctx, typed, viaNamespace, admin, scoped })
}

// ruleid: supabase/client
export const handler = withSupabase({ auth: 'user' }, async (_req, ctx) => Response.json(ctx.userClaims))

function makeClient(name: string) {
  return { name }
}
// ok: supabase/client
const notSupabase = makeClient('orders')
// ok: supabase/client
// createClient(url, key) is only mentioned in this comment
const note = 'createClient(url, key)'
export function legacyFactory() {
  function createClient(url: string) { return { url } }
  // ok: supabase/client
  return createClient('https://example.org')
}
export { notSupabase, note }
declare const app: { use(path: string, mw: unknown): void }
