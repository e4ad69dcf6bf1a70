import { createClient } from 'npm:@supabase/supabase-js@2'

const supabase = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_ANON_KEY')!)

Deno.serve(async (req) => {
  const event = await req.json()
  // ruleid: supabase/edge-runtime
  EdgeRuntime.waitUntil(supabase.from('events').insert(event).then(() => undefined))
  return new Response('accepted', { status: 202 })
})

export function lookAlikes(ctx: { waitUntil(p: Promise<unknown>): void }) {
  // ok: supabase/edge-runtime
  ctx.waitUntil(Promise.resolve())
  // ok: supabase/edge-runtime
  const runtime = typeof EdgeRuntime === 'string' ? EdgeRuntime : 'node'
  return runtime
}

export function shadowed() {
  const EdgeRuntime = { waitUntil: (p: Promise<unknown>) => p }
  // ok: supabase/edge-runtime
  return EdgeRuntime.waitUntil(Promise.resolve())
}
