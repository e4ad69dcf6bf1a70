import { createClient } from 'npm:@supabase/supabase-js@2';

// The service key is passed, but every request carries the caller's own token, so RLS applies.
Deno.serve(async (req) => {
  const supabase = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!, {
    global: { headers: { Authorization: req.headers.get('Authorization')! } },
  });
  // ok: supabase/service-role-function-without-caller-check
  const { data } = await supabase.from('notes').select('*');
  return Response.json(data);
});
