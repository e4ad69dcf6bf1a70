import { adminClient, supabaseAdmin } from '../_shared/admin.ts';

Deno.serve(async (req) => {
  const { id } = await req.json();
  // ruleid: supabase/service-role-function-without-caller-check
  const { data } = await supabaseAdmin.from('invoices').select('*').eq('id', id).single();
  return Response.json(data);
});

Deno.serve(async (req) => {
  const db = adminClient();
  const { id } = await req.json();
  // ruleid: supabase/service-role-function-without-caller-check
  await db.rpc('close_account', { id });
  return new Response('closed');
});
