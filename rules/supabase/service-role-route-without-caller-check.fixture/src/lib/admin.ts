import { createClient } from '@supabase/supabase-js';
import { env } from '$env/dynamic/private';

// The key is recognised by where it comes from: this variable holds the service-role key.
export function createAdminClient() {
  return createClient(env.PUBLIC_SUPABASE_URL, env.SUPABASE_SERVICE_ROLE_KEY);
}
