import { createClient } from 'npm:@supabase/supabase-js@2';

// Public read with the anon key: row level security still applies.
Deno.serve(async () => {
  const supabase = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_ANON_KEY')!);
  // ok: supabase/service-role-function-without-caller-check
  const { data } = await supabase.from('public_posts').select('*');
  return Response.json(data);
});
