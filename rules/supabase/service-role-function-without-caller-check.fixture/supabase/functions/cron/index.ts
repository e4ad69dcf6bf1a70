import { createClient } from 'npm:@supabase/supabase-js@2';

const CRON_SECRET = Deno.env.get('CRON_SECRET');

// Called by a scheduler that sends a shared secret.
Deno.serve(async (req) => {
  const auth = req.headers.get('authorization');
  if (!CRON_SECRET || auth !== `Bearer ${CRON_SECRET}`) {
    return new Response('forbidden', { status: 403 });
  }
  const admin = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!);
  // ok: supabase/service-role-function-without-caller-check
  await admin.from('sessions').delete().lt('expires_at', new Date().toISOString());
  return new Response('ok');
});

// A presence check on the header proves nothing about the caller.
Deno.serve(async (req) => {
  if (!req.headers.get('authorization')) return new Response('missing', { status: 401 });
  const admin = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!);
  // ruleid: supabase/service-role-function-without-caller-check
  await admin.from('sessions').delete().neq('id', '');
  return new Response('ok');
});
