import { createClientFromRequest } from 'npm:@base44/sdk@0.8.6';

const OPEN_STAGES = ['lead', 'qualified', 'proposal'];
const DAY_MS = 24 * 60 * 60 * 1000;

// Nightly clean-up, also triggered from the dashboard's admin button.
// Deals with no value are drafts and get deleted; the rest are marked lost.
Deno.serve(async (req: Request) => {
  try {
    const base44 = createClientFromRequest(req);
    const body = await req.json().catch(() => ({}));
    const olderThanDays = Number(body.olderThanDays ?? 90);
    if (!Number.isFinite(olderThanDays) || olderThanDays < 1) {
      return Response.json({ error: 'olderThanDays must be a positive number' }, { status: 400 });
    }

    const cutoff = new Date(Date.now() - olderThanDays * DAY_MS).toISOString();
    const stale = await base44.asServiceRole.entities.Deal.filter({
      updated_date: { $lt: cutoff },
      stage: { $in: OPEN_STAGES },
    });

    let archived = 0;
    let removed = 0;
    for (const deal of stale) {
      if (!deal.value) {
        await base44.asServiceRole.entities.Deal.delete(deal.id);
        removed += 1;
      } else {
        await base44.asServiceRole.entities.Deal.update(deal.id, { stage: 'lost', archived: true });
        archived += 1;
      }
    }

    return Response.json({ archived, removed });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return Response.json({ error: message }, { status: 500 });
  }
});
