import { createClient } from 'npm:@supabase/supabase-js@2';

Deno.serve(async (req) => {
  const token = req.headers.get('Authorization');
  if (!token) return new Response('missing token', { status: 401 });
  const db = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_ANON_KEY')!);
  const { data } = await db.from('reports').select('*');
  return Response.json(data);
});
