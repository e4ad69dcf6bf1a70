import { supabaseAdmin } from './admin.ts';

/** Throws a 401 Response unless the request carries a valid user token. */
export async function requireUser(req: Request) {
  const token = req.headers.get('Authorization')?.replace('Bearer ', '') ?? '';
  const { data, error } = await supabaseAdmin.auth.getUser(token);
  if (error || !data.user) throw new Response('unauthorized', { status: 401 });
  return data.user;
}
