import { serverSupabaseServiceRole, serverSupabaseUser } from '#supabase/server';

// Nuxt: every file under server/api is an endpoint.
export default defineEventHandler(async (event) => {
  const body = await readBody(event);
  const admin = serverSupabaseServiceRole(event);
  // ruleid: supabase/service-role-route-without-caller-check
  await admin.from('profiles').update(body).eq('id', body.id);
  return { ok: true };
});
