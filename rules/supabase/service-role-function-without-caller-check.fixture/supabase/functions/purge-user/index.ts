import { createClient } from 'https://esm.sh/@supabase/supabase-js@2';

Deno.serve(async (req) => {
  const { userId } = await req.json();
  const admin = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!);
  // ruleid: supabase/service-role-function-without-caller-check
  await admin.from('notes').delete().eq('user_id', userId);
  await admin.auth.admin.deleteUser(userId);
  return Response.json({ deleted: userId });
});
