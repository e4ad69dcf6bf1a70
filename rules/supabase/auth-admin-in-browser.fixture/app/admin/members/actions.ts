'use server';

import { createClient } from '@supabase/supabase-js';

// Server code: the place for the admin API (the caller check is another rule's business).
const admin = createClient('https://shop.supabase.co', process.env.SUPABASE_SERVICE_ROLE_KEY!);

export async function removeMember(id: string) {
  // ok: supabase/auth-admin-in-browser
  await admin.auth.admin.deleteUser(id);
}

// A look-alike in a client module: an object of our own with the same shape.
export const directory = { auth: { admin: { createUser: (name: string) => name } } };
