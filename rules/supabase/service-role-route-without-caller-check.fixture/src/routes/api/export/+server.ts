import { json } from '@sveltejs/kit';
import { createAdminClient } from '$lib/admin';

// ruleid: supabase/service-role-route-without-caller-check
export const GET = async () => json(await createAdminClient().from('orders').select('*'));

export async function POST({ request }) {
  const token = request.headers.get('authorization')?.slice(7) ?? '';
  const admin = createAdminClient();
  const { data: { user } } = await admin.auth.getUser(token);
  if (!user) return new Response('Unauthorized', { status: 401 });
  // ok: supabase/service-role-route-without-caller-check
  return json(await admin.from('orders').select('*').eq('user_id', user.id));
}
