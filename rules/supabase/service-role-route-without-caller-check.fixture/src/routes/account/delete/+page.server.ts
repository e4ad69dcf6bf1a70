import { redirect } from '@sveltejs/kit';

// The hook's `currentUser` verifies the session; SvelteKit's redirect() throws, so a visitor
// without one never reaches the service role.
export const actions = {
  default: async ({ locals: { currentUser, privileged } }) => {
    const user = await currentUser();
    if (!user) {
      redirect(303, '/login');
    }
    // ok: supabase/service-role-route-without-caller-check
    await privileged.from('profiles').delete().eq('id', user.id);
    redirect(303, '/');
  },
};
