import { createClient } from 'npm:@supabase/supabase-js@2';

// Edge functions are the other rule's business.
Deno.serve(async () => {
  const admin = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!);
  // ok: supabase/service-role-route-without-caller-check
  return Response.json(await admin.from('x').select('*'));
});
