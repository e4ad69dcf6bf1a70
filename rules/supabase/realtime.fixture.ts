import { createClient } from '@supabase/supabase-js'

const supabase = createClient('https://example.supabase.co', 'public-anon-key')

export function watchMessages(roomId: string, onRow: (row: unknown) => void) {
  // ruleid: supabase/realtime
  const channel = supabase
    .channel(`room:${roomId}`)
    .on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'messages', filter: `room_id=eq.${roomId}` }, (p) => onRow(p.new))
    .subscribe()
  // ok: supabase/realtime
  channel.send({ type: 'broadcast', event: 'typing', payload: {} })
  // ruleid: supabase/realtime
  return () => supabase.removeChannel(channel)
}

export async function teardown() {
  // ruleid: supabase/realtime
  await supabase.removeAllChannels()
  // ruleid: supabase/realtime
  supabase.realtime.setAuth('user-jwt')
}

export function lookAlikes(pusher: { channel(n: string): unknown }) {
  // ok: supabase/realtime
  const ch = pusher.channel('room:1')
  // ok: supabase/realtime
  const about = "supabase.channel('room:1')"
  return { ch, about }
}
