import { withSupabase } from 'npm:@supabase/server@1';

Deno.serve(withSupabase({ auth: 'user' }, async (_req, ctx) => Response.json(ctx.userClaims)));
