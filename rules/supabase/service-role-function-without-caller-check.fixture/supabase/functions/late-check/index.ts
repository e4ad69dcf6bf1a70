import { createClient } from 'npm:@supabase/supabase-js@2';

Deno.serve(async (req) => {
  const admin = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!);
  // ruleid: supabase/service-role-function-without-caller-check
  const { data: rows } = await admin.from('payouts').select('*');
  // The admin client verifies the token too, but only after the data was read.
  const { data: claims, error } = await admin.auth.getClaims(req.headers.get('Authorization') ?? '');
  if (error || !claims) return new Response('unauthorized', { status: 401 });
  return Response.json(rows);
});
