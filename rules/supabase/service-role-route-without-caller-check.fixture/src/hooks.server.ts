import { createServerClient } from '@supabase/ssr';
import { createClient } from '@supabase/supabase-js';
import type { Handle } from '@sveltejs/kit';
import { PRIVATE_SUPABASE_SECRET_ROLE_KEY, PUBLIC_SUPABASE_ANON_KEY, PUBLIC_SUPABASE_URL } from '$env/static/private';

// The request's clients live in `locals`: one acting as the visitor, one with the service role.
export const handle: Handle = async ({ event, resolve }) => {
  event.locals.db = createServerClient(PUBLIC_SUPABASE_URL, PUBLIC_SUPABASE_ANON_KEY, {
    cookies: { getAll: () => event.cookies.getAll(), setAll: () => {} },
  });
  event.locals.privileged = createClient(PUBLIC_SUPABASE_URL, PRIVATE_SUPABASE_SECRET_ROLE_KEY);
  event.locals.currentUser = async () => {
    const { data, error } = await event.locals.db.auth.getUser();
    return error ? null : data.user;
  };
  return resolve(event);
};
