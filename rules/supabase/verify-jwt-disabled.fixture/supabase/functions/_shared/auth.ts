import { createClient } from 'npm:@supabase/supabase-js@2';

export async function requireUser(req: Request) {
  const client = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_PUBLISHABLE_KEY')!);
  const { data, error } = await client.auth.getClaims(req.headers.get('Authorization')?.slice(7) ?? '');
  if (error || !data) throw new Response('unauthorized', { status: 401 });
  return data.claims;
}
