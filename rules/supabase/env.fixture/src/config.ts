export const config = {
  // ruleid: supabase/env
  url: process.env.NEXT_PUBLIC_SUPABASE_URL!,
  // ruleid: supabase/env
  anonKey: import.meta.env.VITE_SUPABASE_ANON_KEY,
  // ok: supabase/env
  databaseUrl: process.env.DATABASE_URL,
  // ok: supabase/env
  label: 'SUPABASE_URL',
}
