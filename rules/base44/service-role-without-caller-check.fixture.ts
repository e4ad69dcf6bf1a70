import { createClientFromRequest } from 'npm:@base44/sdk@0.8.6';
import { createHmac, timingSafeEqual } from 'node:crypto';

// No caller check at all: any request gets service-role access.
Deno.serve(async (req) => {
  const b44 = createClientFromRequest(req);
  const { customerId } = await req.json();
  // ruleid: base44/service-role-without-caller-check
  const invoices = await b44.asServiceRole.entities.Invoice.filter({ customer_id: customerId });
  return Response.json(invoices);
});

// Caller verified first, with a 401 on failure, and the query scoped to that caller.
Deno.serve(async (req) => {
  const b44 = createClientFromRequest(req);
  const me = await b44.auth.me().catch(() => null);
  if (!me) return Response.json({ error: 'unauthorized' }, { status: 401 });
  // ok: base44/service-role-without-caller-check
  const invoices = await b44.asServiceRole.entities.Invoice.filter({ owner_id: me.id });
  return Response.json(invoices);
});

// The check comes after the privileged call: too late.
Deno.serve(async (req) => {
  const base44 = createClientFromRequest(req);
  // ruleid: base44/service-role-without-caller-check
  const all = await base44.asServiceRole.entities.Invoice.list();
  const user = await base44.auth.me().catch(() => null);
  if (!user) return new Response('unauthorized', { status: 401 });
  return Response.json(all);
});

// Admin-only job: a role check that rejects, before the service role is used.
Deno.serve(async (req) => {
  const base44 = createClientFromRequest(req);
  const user = await base44.auth.me().catch(() => null);
  if (!user || user.role !== 'admin') {
    return Response.json({ error: 'Forbidden' }, { status: 403 });
  }
  // ok: base44/service-role-without-caller-check
  const result = await base44.asServiceRole.entities.Invoice.deleteMany({ status: 'void' });
  return Response.json(result);
});

// The check happens only on one branch; the GET path reaches the service role unchecked.
Deno.serve(async (req) => {
  const base44 = createClientFromRequest(req);
  if (req.method === 'POST') {
    const user = await base44.auth.me().catch(() => null);
    if (!user) return new Response(null, { status: 401 });
  }
  // ruleid: base44/service-role-without-caller-check
  return Response.json(await base44.asServiceRole.entities.Report.list());
});

// A failed me() is caught and ignored, so anonymous callers carry on.
Deno.serve(async (req) => {
  const base44 = createClientFromRequest(req);
  try {
    await base44.auth.me();
  } catch (err) {
    console.warn('anonymous call', err);
  }
  // ruleid: base44/service-role-without-caller-check
  await base44.asServiceRole.entities.AuditLog.create({ at: Date.now() });
  return new Response('ok');
});

// me() rejects for callers without a session; the outer catch turns that into a 401.
Deno.serve(async (req) => {
  try {
    const base44 = createClientFromRequest(req);
    await base44.auth.me();
    const rows = await Promise.all(
      ['a', 'b'].map((id) =>
        // ok: base44/service-role-without-caller-check
        base44.asServiceRole.entities.Deal.get(id),
      ),
    );
    return Response.json(rows);
  } catch {
    return new Response('unauthorized', { status: 401 });
  }
});

// Webhook: HMAC signature verified (timing-safe) before any data access.
Deno.serve(async (req) => {
  const body = await req.text();
  const expected = createHmac('sha256', Deno.env.get('HOOK_SECRET') ?? '').update(body).digest();
  const given = Buffer.from(req.headers.get('x-signature') ?? '', 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return new Response('bad signature', { status: 401 });
  }
  const base44 = createClientFromRequest(req);
  // ok: base44/service-role-without-caller-check
  await base44.asServiceRole.entities.Payment.create(JSON.parse(body));
  return new Response('ok');
});

// Webhook that computes a signature but never compares it.
Deno.serve(async (req) => {
  const body = await req.text();
  const digest = createHmac('sha256', Deno.env.get('HOOK_SECRET') ?? '').update(body).digest('hex');
  console.log('signature', digest);
  const base44 = createClientFromRequest(req);
  // ruleid: base44/service-role-without-caller-check
  await base44.asServiceRole.entities.Payment.create(JSON.parse(body));
  return new Response('ok');
});

// A helper that throws for non-admins works as a guard.
async function requireAdmin(req: Request) {
  const user = await createClientFromRequest(req).auth.me();
  if (user.role !== 'admin') throw new Error('Forbidden');
  return user;
}

Deno.serve(async (req) => {
  await requireAdmin(req);
  const base44 = createClientFromRequest(req);
  // ok: base44/service-role-without-caller-check
  return Response.json(await base44.asServiceRole.entities.User.list());
});

// Helpers that receive the client as a parameter: the privileged call inside one counts at the
// handler's call, and a check inside another counts as a guard.
async function archiveDeal(client: ReturnType<typeof createClientFromRequest>, id: string) {
  await client.asServiceRole.entities.Deal.update(id, { archived: true });
}

async function currentUser(client: ReturnType<typeof createClientFromRequest>) {
  const user = await client.auth.me().catch(() => null);
  if (!user) throw new Response('unauthorized', { status: 401 });
  return user;
}

Deno.serve(async (req) => {
  const base44 = createClientFromRequest(req);
  const { id } = await req.json();
  // ruleid: base44/service-role-without-caller-check
  await archiveDeal(base44, id);
  return new Response('archived');
});

Deno.serve(async (req) => {
  const base44 = createClientFromRequest(req);
  await currentUser(base44);
  const { id } = await req.json();
  // ok: base44/service-role-without-caller-check
  await archiveDeal(base44, id);
  return new Response('archived');
});

// Look-alikes: a local function with the SDK factory's name, and a variable merely named base44.
function localClient(request: Request) {
  return { asServiceRole: { entities: { Deal: { list: async () => [request.url] } } } };
}

Deno.serve(async (req) => {
  const base44 = localClient(req);
  // ok: base44/service-role-without-caller-check
  return Response.json(await base44.asServiceRole.entities.Deal.list());
});

export function preview(req: Request) {
  function createClientFromRequest(r: Request) {
    return { asServiceRole: { entities: { Deal: { list: async () => [r.url] } } } };
  }
  return Deno.serve(async () => {
    const b = createClientFromRequest(req);
    // ok: base44/service-role-without-caller-check
    return Response.json(await b.asServiceRole.entities.Deal.list());
  });
}

// ok: base44/service-role-without-caller-check
export const note = 'base44.asServiceRole.entities.Deal.list() needs a caller check first';

// A link that carries a one-time code: finding the pending record that holds the code is the check.
Deno.serve(async (req) => {
  const { code, email } = await req.json();
  const base44 = createClientFromRequest(req);
  // ok: base44/service-role-without-caller-check
  const pending = await base44.asServiceRole.entities.SignupLink.filter({ magic_token: code, state: 'open' });
  if (pending.length === 0) return Response.json({ error: 'unknown link' }, { status: 404 });
  // ok: base44/service-role-without-caller-check
  await base44.asServiceRole.entities.SignupLink.update(pending[0].id, { state: 'used', email });
  return Response.json({ ok: true });
});

// The same lookup by a public field (an id anyone can learn) proves nothing.
Deno.serve(async (req) => {
  const { linkId } = await req.json();
  const base44 = createClientFromRequest(req);
  // ruleid: base44/service-role-without-caller-check
  const pending = await base44.asServiceRole.entities.SignupLink.filter({ id: linkId });
  if (pending.length === 0) return Response.json({ error: 'unknown link' }, { status: 404 });
  await base44.asServiceRole.entities.SignupLink.update(pending[0].id, { state: 'used' });
  return Response.json({ ok: true });
});

// A per-account hook secret: the record is found by id, then its stored secret must match.
Deno.serve(async (req) => {
  const params = new URL(req.url).searchParams;
  const key = params.get('key');
  const accountId = params.get('account');
  const base44 = createClientFromRequest(req);
  // ok: base44/service-role-without-caller-check
  const accounts = await base44.asServiceRole.entities.Account.filter({ id: accountId });
  const account = accounts[0];
  if (!account || account.hook_secret !== key) return new Response('denied', { status: 401 });
  // ok: base44/service-role-without-caller-check
  await base44.asServiceRole.entities.Signal.create({ account: account.id, body: await req.text() });
  return new Response('ok');
});

// Found by id but only tested for existence: anyone who knows the id gets through.
Deno.serve(async (req) => {
  const accountId = new URL(req.url).searchParams.get('account');
  const base44 = createClientFromRequest(req);
  // ruleid: base44/service-role-without-caller-check
  const accounts = await base44.asServiceRole.entities.Account.filter({ id: accountId });
  if (!accounts[0]) return new Response('denied', { status: 401 });
  await base44.asServiceRole.entities.Signal.create({ account: accountId, body: await req.text() });
  return new Response('ok');
});

// The error path of a handler that checked its caller first: the failure is recorded.
Deno.serve(async (req) => {
  const base44 = createClientFromRequest(req);
  try {
    const user = await base44.auth.me();
    if (!user) return Response.json({ error: 'unauthorized' }, { status: 401 });
    return Response.json(await base44.asServiceRole.entities.Quota.filter({ owner: user.email }));
  } catch (error) {
    // ok: base44/service-role-without-caller-check
    await base44.asServiceRole.entities.FailureLog.create({ message: String(error) });
    return Response.json({ error: 'failed' }, { status: 500 });
  }
});
