import { createClient } from 'npm:@supabase/supabase-js@2';

// Marks an order exported for whoever calls; the folder's supabase.json turns the gateway check off.
Deno.serve(async (req) => {
  const { orderId } = await req.json();
  const admin = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!);
  await admin.from('orders').update({ exported: true }).eq('id', orderId);
  return new Response('ok');
});
