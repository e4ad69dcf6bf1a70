import { serverSupabaseServiceRole, serverSupabaseUser } from '#supabase/server';

export default defineEventHandler(async (event) => {
  const user = await serverSupabaseUser(event);
  if (!user) throw createError({ statusCode: 401 });
  const body = await readBody(event);
  // ok: supabase/service-role-route-without-caller-check
  await serverSupabaseServiceRole(event).from('profiles').update({ name: body.name }).eq('id', user.id);
  return { ok: true };
});
