// Shared-secret checks on a webhook: the first two let everything through when the variable is unset.
const hookSecret = Deno.env.get('HOOK_SECRET');

Deno.serve(async (req) => {
  const provided = req.headers.get('x-hook-secret');
  // ruleid: generic/secret-check-fails-open
  if (hookSecret && provided !== hookSecret) {
    return new Response('Forbidden', { status: 403 });
  }
  // ruleid: generic/secret-check-fails-open
  if (process.env.ADMIN_TOKEN && req.headers.get('authorization') != process.env.ADMIN_TOKEN) throw new Error('no');
  // The fix: a missing secret refuses too.
  // ok: generic/secret-check-fails-open
  if (!hookSecret || provided !== hookSecret) return new Response('Forbidden', { status: 403 });
  // Not a secret: a value compared only when the caller sent one.
  const limit = Number(new URL(req.url).searchParams.get('limit'));
  // ok: generic/secret-check-fails-open
  if (limit && limit !== 10) return new Response('Only pages of ten', { status: 400 });
  return new Response('ok');
});

// A payment webhook that verifies only when both the signature and the secret are there.
export async function paymentHook(request: Request, stripe: { webhooks: { constructEvent(b: string, s: string, k: string): unknown } }) {
  const body = await request.text();
  const signature = request.headers.get('stripe-signature');
  let event: unknown;
  if (signature && process.env.PAYMENT_HOOK_SECRET) {
    event = stripe.webhooks.constructEvent(body, signature, process.env.PAYMENT_HOOK_SECRET);
  } else {
    // ruleid: generic/secret-check-fails-open
    event = JSON.parse(body);
  }
  // The fix: no signature or no secret is a refusal.
  const secret = process.env.PAYMENT_HOOK_SECRET;
  // ok: generic/secret-check-fails-open
  if (signature && secret) {
    event = stripe.webhooks.constructEvent(body, signature, secret);
  } else {
    return new Response('unsigned', { status: 400 });
  }
  return event;
}

// Optional sign-in is a design, not a hole: without a token the visitor is a guest.
declare function verifyViewer(token: string): string;
export function feedViewer(request: Request): string {
  const token = request.headers.get('authorization');
  let viewer: string;
  if (token) {
    viewer = verifyViewer(token);
  } else {
    // ok: generic/secret-check-fails-open
    viewer = 'guest';
  }
  return viewer;
}
