import { createClient } from 'npm:@supabase/supabase-js@2';

const corsHeaders = {
  'Access-Control-Allow-Origin': Deno.env.get('APP_ORIGIN') ?? 'http://127.0.0.1:5173',
  'Access-Control-Allow-Headers': 'authorization, x-client-info, apikey, content-type',
  'Access-Control-Allow-Methods': 'POST, OPTIONS',
};

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...corsHeaders, 'Content-Type': 'application/json' },
  });
}

// Invites someone to a team. Only an owner of that team may do so.
Deno.serve(async (req: Request) => {
  if (req.method === 'OPTIONS') return new Response('ok', { headers: corsHeaders });
  if (req.method !== 'POST') return json({ error: 'Method not allowed' }, 405);

  const token = req.headers.get('Authorization')?.replace(/^Bearer\s+/i, '');
  if (!token) return json({ error: 'Missing bearer token' }, 401);

  const supabaseUrl = Deno.env.get('SUPABASE_URL')!;
  const supabase = createClient(supabaseUrl, Deno.env.get('SUPABASE_ANON_KEY')!);
  const { data: { user }, error: authError } = await supabase.auth.getUser(token);
  if (authError || !user) return json({ error: 'Invalid or expired session' }, 401);

  let teamId: unknown;
  let email: unknown;
  try {
    ({ teamId, email } = await req.json());
  } catch {
    return json({ error: 'Body must be JSON' }, 400);
  }
  if (typeof teamId !== 'string' || typeof email !== 'string' || !email.includes('@')) {
    return json({ error: 'teamId and a valid email are required' }, 400);
  }

  const admin = createClient(supabaseUrl, Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!, {
    auth: { persistSession: false },
  });

  const { data: membership, error: membershipError } = await admin.from('team_members').select('role').eq('team_id', teamId).eq('user_id', user.id).maybeSingle();
  if (membershipError) return json({ error: membershipError.message }, 500);
  if (membership?.role !== 'owner') return json({ error: 'Only team owners can invite members' }, 403);

  const { data: invited, error: inviteError } = await admin.auth.admin.inviteUserByEmail(email);
  if (inviteError) return json({ error: inviteError.message }, 400);

  const { error: insertError } = await admin.from('team_members').insert({ team_id: teamId, user_id: invited.user.id, role: 'member' });
  if (insertError) return json({ error: insertError.message }, 500);

  await admin.from('activity_log').insert({ actor: user.id, action: 'team.invite', subject_id: invited.user.id });
  return json({ invited: invited.user.id });
});
