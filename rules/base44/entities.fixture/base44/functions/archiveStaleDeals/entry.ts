import { createClientFromRequest } from 'npm:@base44/sdk@0.8.6';

Deno.serve(async (req) => {
  const base44 = createClientFromRequest(req);
  const user = await base44.auth.me();
  if (!user) return Response.json({ error: 'unauthorized' }, { status: 401 });

  // ruleid: base44/entities
  const stale = await base44.asServiceRole.entities.Deal.filter({ stage: 'open', owner_email: user.email });
  const admin = base44.asServiceRole;
  for (const deal of stale) {
    // ruleid: base44/entities
    await admin.entities.Deal.delete(deal.id);
  }
  // ok: base44/entities
  const shape = { entities: { Deal: { count: () => 0 } } }.entities.Deal.count();
  return Response.json({ removed: stale.length, shape });
});
