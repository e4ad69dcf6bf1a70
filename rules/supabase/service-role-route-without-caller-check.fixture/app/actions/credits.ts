'use server';

import { createAdminClient } from '@/lib/supabase/admin';
import { createSessionClient } from '@/lib/supabase/server';

export async function grantCredits(userId: string, amount: number) {
  // ruleid: supabase/service-role-route-without-caller-check
  await createAdminClient().from('credits').insert({ user_id: userId, amount });
}

export async function redeem(code: string) {
  const supabase = await createSessionClient();
  // getSession() reads the cookie without verifying it: not a caller check on the server.
  const { data } = await supabase.auth.getSession();
  if (!data.session) throw new Error('sign in first');
  // ruleid: supabase/service-role-route-without-caller-check
  await createAdminClient().from('codes').update({ used: true }).eq('code', code);
}

export async function redeemVerified(code: string) {
  const supabase = await createSessionClient();
  const { data, error } = await supabase.auth.getUser();
  if (error || !data.user) throw new Error('sign in first');
  // ok: supabase/service-role-route-without-caller-check
  await createAdminClient().from('codes').update({ used: true, by: data.user.id }).eq('code', code);
}
