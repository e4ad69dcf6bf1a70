import { createClient } from '@supabase/supabase-js';

// Client for the internal admin screen: lists accounts and reads the activity
// log, which RLS hides from normal users.
// TODO(ops): move these calls behind an Edge Function before the public launch.
const SERVICE_ROLE_KEY = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImFiY2RlZmdoaWprbG1ub3BxcnN0Iiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTcwMDAwMDAwMCwiZXhwIjoyMDAwMDAwMDAwfQ.H9dB4vE7ODBplnWSwEPEkIQl6DJb1rzNN2pkMPdU-oE';

export const supabaseAdmin = createClient(import.meta.env.VITE_SUPABASE_URL, SERVICE_ROLE_KEY, {
  auth: { autoRefreshToken: false, persistSession: false },
});
