import { createClient } from 'npm:@supabase/supabase-js@2';

const admin = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!);

// Same request, but the update is also filtered on the caller's id.
Deno.serve(async (req) => {
  const token = (req.headers.get('Authorization') ?? '').replace('Bearer ', '');
  const { data: { user }, error } = await admin.auth.getUser(token);
  if (error || !user) return new Response('unauthorized', { status: 401 });
  const { seatId, row } = await req.json();
  // ok: supabase/service-role-without-ownership-check
  const { data } = await admin.from('seats').update({ row }).eq('id', seatId).eq('holder_id', user.id).select();
  return Response.json(data);
});

// A staff role read from the caller's profile, answered with 403, comes first.
Deno.serve(async (req) => {
  const token = (req.headers.get('Authorization') ?? '').replace('Bearer ', '');
  const { data: { user } } = await admin.auth.getUser(token);
  if (!user) return new Response('unauthorized', { status: 401 });
  const { data: profile } = await admin.from('profiles').select('role').eq('id', user.id).single();
  if (profile?.role !== 'staff') return new Response('forbidden', { status: 403 });
  const { seatId } = await req.json();
  // ok: supabase/service-role-without-ownership-check
  await admin.from('seats').delete().eq('id', seatId);
  return new Response(null, { status: 204 });
});

// A client acting as the caller: RLS decides, not the service role.
Deno.serve(async (req) => {
  const asCaller = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_ANON_KEY')!, {
    global: { headers: { Authorization: req.headers.get('Authorization')! } },
  });
  const { data: { user } } = await asCaller.auth.getUser();
  if (!user) return new Response('unauthorized', { status: 401 });
  const { seatId } = await req.json();
  // ok: supabase/service-role-without-ownership-check
  await asCaller.from('seats').delete().eq('id', seatId);
  return new Response(null, { status: 204 });
});
