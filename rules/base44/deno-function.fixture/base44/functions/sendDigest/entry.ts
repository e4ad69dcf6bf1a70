import { createClientFromRequest } from 'npm:@base44/sdk@0.8.6';

// ruleid: base44/deno-function
Deno.serve(async (req) => {
  const base44 = createClientFromRequest(req);
  const user = await base44.auth.me();
  return Response.json({ sent: Boolean(user) });
});
