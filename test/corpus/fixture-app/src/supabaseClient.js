import { createClient } from '@supabase/supabase-js'

// The browser's client: the anon key is public by design, row level security guards the tables.
export const supabase = createClient(import.meta.env.VITE_SUPABASE_URL, import.meta.env.VITE_SUPABASE_ANON_KEY)
