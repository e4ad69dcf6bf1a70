// No @nuxtjs/supabase here: a function of the same name is this app's own.
export function loadAll() {
  const supabase = useSupabaseClient()
  // ok: supabase/query-builder
  return supabase.from('local')
}
