import { createClient } from '@supabase/supabase-js';

// The variable's name says nothing; its value is the service-role key.
const admin = createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_ADMIN_KEY!);

// Remix: an exported action answers POSTs to this route.
export async function action({ request }: { request: Request }) {
  const form = await request.formData();
  // ruleid: supabase/service-role-route-without-caller-check
  await admin.auth.admin.deleteUser(String(form.get('userId')));
  return null;
}
