import { createClientFromRequest } from 'npm:@base44/sdk';

Deno.serve(async (req) => {
  const base44 = createClientFromRequest(req);
  const user = await base44.auth.me();
  if (!user) return new Response('unauthorized', { status: 401 });

  // ruleid: base44/connectors
  const token = await base44.asServiceRole.connectors.getAccessToken('googlecalendar');
  // ruleid: base44/connectors
  const posted = await base44.asServiceRole.connectors.callApi('slack', { method: 'POST', path: '/api/chat.postMessage', body: { text: 'hi' } });
  // ruleid: base44/connectors
  const leads = await base44.integrations.custom.call('crm-api', 'listLeads', { queryParams: { limit: 10 } });

  const connectors = { getAccessToken: async (_type: string) => 'local-token' };
  // ok: base44/connectors
  const localToken = await connectors.getAccessToken('googlecalendar');
  // ok: base44/connectors
  await base44.integrations.Core.SendEmail({ to: user.email, subject: 'Synced', body: 'Done' });
  return Response.json({ token: Boolean(token), posted, leads, localToken });
});

export async function connectCalendar(req: Request) {
  const base44 = createClientFromRequest(req);
  // ruleid: base44/connectors
  return base44.connectors.connectAppUser('conn_calendar');
}
