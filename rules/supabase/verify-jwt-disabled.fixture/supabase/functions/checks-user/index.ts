import { requireUser } from '../_shared/auth.ts';

Deno.serve(async (req) => {
  try {
    const claims = await requireUser(req);
    return Response.json({ sub: claims.sub });
  } catch (res) {
    return res as Response;
  }
});
