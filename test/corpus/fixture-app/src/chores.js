import { supabase } from './supabaseClient'

export async function openChores(householdId) {
  const { data, error } = await supabase.from('chores').select('id, title, due').eq('household', householdId)
  if (error) throw error
  return data
}

export function watchChores(onChange) {
  return supabase.channel('chores').on('postgres_changes', { event: '*', schema: 'public', table: 'chores' }, onChange).subscribe()
}
