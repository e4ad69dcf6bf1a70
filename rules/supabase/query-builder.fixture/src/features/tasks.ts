import { supabase as db } from '../lib/supabaseClient'

export async function openTasks() {
  // ruleid: supabase/query-builder
  const rows = await db.from('tasks').select('*').is('done_at', null).limit(20)
  // ok: supabase/query-builder
  const sorted = rows.data?.slice().sort()
  return sorted
}
