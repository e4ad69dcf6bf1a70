import { createClient } from '@supabase/supabase-js'

export const supabase = createClient(import.meta.env.VITE_SUPABASE_URL, import.meta.env.VITE_SUPABASE_ANON_KEY)

export async function countNotes() {
  // ruleid: supabase/query-builder
  const { count } = await supabase.from('notes').select('*', { count: 'exact', head: true })
  return count
}
