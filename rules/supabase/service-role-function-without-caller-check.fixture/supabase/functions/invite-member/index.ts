import { createClient } from 'npm:@supabase/supabase-js@2';

Deno.serve(async (req) => {
  const token = req.headers.get('Authorization')?.replace(/^Bearer\s+/i, '');
  if (!token) return new Response('missing token', { status: 401 });
  const url = Deno.env.get('SUPABASE_URL')!;
  const supabase = createClient(url, Deno.env.get('SUPABASE_ANON_KEY')!);
  const { data: { user }, error: authError } = await supabase.auth.getUser(token);
  if (authError || !user) {
    return new Response('invalid session', { status: 401 });
  }
  const admin = createClient(url, Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!);
  const { email } = await req.json();
  // ok: supabase/service-role-function-without-caller-check
  const { data } = await admin.auth.admin.inviteUserByEmail(email);
  await admin.from('activity_log').insert({ actor: user.id, action: 'invite' });
  return Response.json(data);
});
