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
