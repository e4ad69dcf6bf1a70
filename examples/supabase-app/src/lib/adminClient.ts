import { createClient } from '@supabase/supabase-js';

// Client for the internal admin screen: lists accounts and reads the activity
// log, which RLS hides from normal users.
// TODO(ops): move these calls behind an Edge Function before the public launch.
const SERVICE_ROLE_KEY = process.env.SERVICE_ROLE_KEY;

export const supabaseAdmin = createClient(import.meta.env.VITE_SUPABASE_URL, SERVICE_ROLE_KEY, {
  auth: { autoRefreshToken: false, persistSession: false },
});
