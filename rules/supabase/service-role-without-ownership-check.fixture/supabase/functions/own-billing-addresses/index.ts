import { createClient } from '@supabase/supabase-js';

const admin = createClient(process.env.SUPABASE_URL ?? '', process.env.SUPABASE_SERVICE_ROLE_KEY ?? '');

// Look-alike: the same shape, but the rows are the signed-in caller's own.
export default async function handler(req, res) {
  const token = String(req.headers.authorization ?? '').replace('Bearer ', '');
  const { data: { user }, error } = await admin.auth.getUser(token);
  if (error || !user) return res.status(401).end();
  // ok: supabase/service-role-without-ownership-check
  const { data: addresses } = await admin.from('billing_addresses').select('*').eq('owner_id', user.id);
  return res.json(addresses);
}
