import { createClient } from '@supabase/supabase-js';

const admin = createClient(process.env.SUPABASE_URL ?? '', process.env.SUPABASE_SERVICE_ROLE_KEY ?? '');

// A (req, res) default export: the caller signs in, then reads any billing address by the id it sends.
export default async function handler(req, res) {
  const token = String(req.headers.authorization ?? '').replace('Bearer ', '');
  const { data: { user }, error } = await admin.auth.getUser(token);
  if (error || !user) throw new Error('sign in first');
  const { addressId } = req.body;
  // ruleid: supabase/service-role-without-ownership-check
  const { data: address } = await admin.from('billing_addresses').select('*').eq('id', addressId).single();
  return res.json(address);
}
