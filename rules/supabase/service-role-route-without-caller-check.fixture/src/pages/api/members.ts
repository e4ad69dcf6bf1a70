import type { APIRoute } from 'astro';
import { createClient } from '@supabase/supabase-js';

const admin = createClient(import.meta.env.SUPABASE_URL, import.meta.env.SUPABASE_SERVICE_ROLE_KEY);

// Astro endpoint: the member list read with the service role, for anyone.
export const GET: APIRoute = async () => {
  // ruleid: supabase/service-role-route-without-caller-check
  const { data } = await admin.from('members').select('email, phone');
  return new Response(JSON.stringify(data));
};
