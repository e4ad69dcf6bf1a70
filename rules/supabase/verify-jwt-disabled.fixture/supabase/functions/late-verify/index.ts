import { createClient } from 'npm:@supabase/supabase-js@2';

Deno.serve(async (req) => {
  const admin = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!);
  const { data: rows } = await admin.from('payouts').select('*');
  const { data, error } = await admin.auth.getUser(req.headers.get('Authorization')?.slice(7) ?? '');
  if (error || !data.user) return new Response('unauthorized', { status: 401 });
  return Response.json(rows);
});
