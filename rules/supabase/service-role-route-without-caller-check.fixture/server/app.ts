import express from 'express';
import { createAdminClient } from '../lib/supabase/admin';

const app = express();

app.post('/admin/reset', async (req, res) => {
  // ruleid: supabase/service-role-route-without-caller-check
  await createAdminClient().from('settings').delete().neq('key', '');
  res.json({ ok: true });
});

app.post('/admin/seed', requireAuth, async (req, res) => {
  // ok: supabase/service-role-route-without-caller-check
  await createAdminClient().from('settings').insert(req.body);
  res.json({ ok: true });
});

function requireAuth(req: express.Request, res: express.Response, next: express.NextFunction) {
  if (!req.headers.authorization) return res.status(401).end();
  next();
}

// A plain helper, not a request handler.
export async function seedLocally() {
  // ok: supabase/service-role-route-without-caller-check
  await createAdminClient().from('settings').insert({ key: 'seeded' });
}

export default app;
