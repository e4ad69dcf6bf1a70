import { createClientFromRequest } from 'npm:@base44/sdk@0.8.50';

Deno.serve(async (req) => {
  const base44 = createClientFromRequest(req);
  // ok: base44/user-entity
  const caller = await base44.auth.me();
  if (caller?.role !== 'admin') return Response.json({ error: 'forbidden' }, { status: 403 });

  // ruleid: base44/user-entity
  const admins = await base44.asServiceRole.entities.User.filter({ role: 'admin' });
  // ruleid: base44/user-entity
  await base44.entities.User.update(caller.id, { last_seen: new Date().toISOString() });
  // ok: base44/user-entity
  const orders = await base44.entities.Order.list();

  const directory = { entities: { User: { list: async () => [] } } };
  // ok: base44/user-entity
  const people = await directory.entities.User.list();
  return Response.json({ admins: admins.length, orders: orders.length, people: people.length });
});
