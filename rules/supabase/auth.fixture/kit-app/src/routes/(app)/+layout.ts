import { createBrowserClient } from '@supabase/ssr'
import { PUBLIC_SUPABASE_ANON_KEY, PUBLIC_SUPABASE_URL } from '$env/static/public'

// A universal load: the client it returns reaches every page below as `data.supabase`.
export const load = async ({ fetch }) => {
  const supabase = createBrowserClient(PUBLIC_SUPABASE_URL, PUBLIC_SUPABASE_ANON_KEY, { global: { fetch } })
  return { supabase, title: 'Habits' }
}
