import { createClientFromRequest } from 'npm:@base44/sdk@0.8.6';

// Summarises a deal's recent activity. Runs with the service role so the
// summary includes notes logged by teammates, but only after checking that the
// caller is signed in and owns the deal.
Deno.serve(async (req: Request) => {
  if (req.method !== 'POST') {
    return Response.json({ error: 'Method not allowed' }, { status: 405 });
  }

  try {
    const base44 = createClientFromRequest(req);
    const user = await base44.auth.me();
    if (!user) {
      return Response.json({ error: 'Unauthorized' }, { status: 401 });
    }

    const { dealId } = await req.json();
    if (typeof dealId !== 'string' || dealId.length === 0) {
      return Response.json({ error: 'dealId is required' }, { status: 400 });
    }

    const [deal] = await base44.asServiceRole.entities.Deal.filter({ id: dealId, owner_email: user.email });
    if (!deal) {
      return Response.json({ error: 'Deal not found' }, { status: 404 });
    }

    const activities = await base44.asServiceRole.entities.Activity.filter({ deal_id: dealId }, '-created_date', 30);
    const summary = await base44.asServiceRole.integrations.Core.InvokeLLM({
      prompt:
        `Summarise the state of the deal "${deal.title}" with ${deal.company} in at most four sentences.\n` +
        activities.map((a: { created_date: string; note: string }) => `- ${a.created_date}: ${a.note}`).join('\n'),
    });

    return Response.json({ summary });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return Response.json({ error: message }, { status: 500 });
  }
});
