import { createClient } from '@supabase/supabase-js';

interface Env { SUPABASE_URL: string; SUPABASE_SERVICE_ROLE_KEY: string }

// A Cloudflare Worker's fetch handler is a public URL.
export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const admin = createClient(env.SUPABASE_URL, env.SUPABASE_SERVICE_ROLE_KEY);
    const { id } = await request.json();
    // ruleid: supabase/service-role-route-without-caller-check
    await admin.from('jobs').delete().eq('id', id);
    return new Response('ok');
  },
};
