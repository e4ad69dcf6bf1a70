import { createClientFromRequest } from 'npm:@base44/sdk@0.8.6';

Deno.serve(async (req) => {
  const base44 = createClientFromRequest(req);
  const user = await base44.auth.me();
  if (!user) return Response.json({ error: 'unauthorized' }, { status: 401 });

  // ruleid: base44/send-email
  await base44.integrations.Core.SendEmail({ to: user.email, subject: 'Your report', body: 'Attached.' });
  // ruleid: base44/send-email
  await base44.asServiceRole.integrations.Core.SendEmail({ to: 'ops@example.com', subject: 'Report sent', body: user.email });
  // ruleid: base44/send-email
  await base44.integrations.Core.SendSMS({ to: '+15550100', body: 'Your report is ready' });

  const mailer = { integrations: { Core: { SendEmail: async (_m: unknown) => ({ ok: true }) } } };
  // ok: base44/send-email
  await mailer.integrations.Core.SendEmail({ to: user.email });
  // ok: base44/send-email
  await base44.integrations.Core.GenerateImage({ prompt: 'report cover' });
  return Response.json({ ok: true });
});
