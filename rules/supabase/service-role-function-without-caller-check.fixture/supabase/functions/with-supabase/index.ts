import { withSupabase } from 'npm:@supabase/server@1';

// Default mode 'user': the wrapper verifies the caller's JWT before the handler runs.
Deno.serve(
  withSupabase({}, async (_req, ctx) => {
    // ok: supabase/service-role-function-without-caller-check
    const { data } = await ctx.supabaseAdmin.from('invoices').select('*');
    return Response.json(data);
  }),
);

// Mode 'none' lets every request through.
export const open = withSupabase({ auth: 'none' }, async (_req, ctx) => {
  // ruleid: supabase/service-role-function-without-caller-check
  await ctx.supabaseAdmin.from('invoices').delete().neq('id', '');
  return new Response('ok');
});
