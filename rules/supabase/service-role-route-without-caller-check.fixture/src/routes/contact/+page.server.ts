import { fail } from '@sveltejs/kit';
import { createAdminClient } from '$lib/admin';

// A form action is a public POST: the contact form writes with the service-role client.
export const actions = {
  default: async ({ request }) => {
    const form = await request.formData();
    const admin = createAdminClient();
    // ruleid: supabase/service-role-route-without-caller-check
    const { error } = await admin.from('contact_requests').insert({ email: form.get('email'), body: form.get('body') });
    if (error) return fail(500, { error: 'Could not save.' });
    return { ok: true };
  },
};
