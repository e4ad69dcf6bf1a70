import { createClient } from '@supabase/supabase-js'

const supabase = createClient('https://example.supabase.co', 'public-anon-key')

export async function stats(userId: string) {
  // ruleid: supabase/rpc
  const { data } = await supabase.rpc('user_stats', { uid: userId })
  // ruleid: supabase/rpc
  const hidden = await supabase.schema('reporting').rpc('daily_totals').select('day, total')
  // ok: supabase/rpc
  const rows = await supabase.from('stats').select('*')
  return { data, hidden, rows }
}

export function lookAlikes(grpc: { rpc(name: string): unknown }) {
  // ok: supabase/rpc
  const reply = grpc.rpc('user_stats')
  // ok: supabase/rpc
  const label = 'supabase.rpc("user_stats")'
  return { reply, label }
}
