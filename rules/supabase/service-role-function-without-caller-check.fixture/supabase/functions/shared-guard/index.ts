import { supabaseAdmin } from '../_shared/admin.ts';
import { requireUser } from '../_shared/auth.ts';

Deno.serve(async (req) => {
  try {
    const user = await requireUser(req);
    // ok: supabase/service-role-function-without-caller-check
    const { data } = await supabaseAdmin.from('invoices').select('*').eq('owner', user.id);
    return Response.json(data);
  } catch (res) {
    return res instanceof Response ? res : new Response('error', { status: 500 });
  }
});
