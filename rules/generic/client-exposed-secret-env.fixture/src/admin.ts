import { createClient } from '@supabase/supabase-js';

// ruleid: generic/client-exposed-secret-env
const serviceKey = import.meta.env.VITE_SUPABASE_SERVICE_ROLE_KEY;
// ok: generic/client-exposed-secret-env
const anonKey = import.meta.env.VITE_SUPABASE_ANON_KEY;
// ruleid: generic/client-exposed-secret-env
const claudeKey = process.env.NEXT_PUBLIC_ANTHROPIC_API_KEY;
// ok: generic/client-exposed-secret-env
const serverOnly = process.env.SUPABASE_SERVICE_ROLE_KEY;
// Naming the variable in a string or comment reads nothing.
// ok: generic/client-exposed-secret-env
const hint = 'Do not set VITE_SUPABASE_SERVICE_ROLE_KEY';

export const admin = createClient(import.meta.env.VITE_SUPABASE_URL, serviceKey ?? anonKey);
export { claudeKey, serverOnly, hint };
