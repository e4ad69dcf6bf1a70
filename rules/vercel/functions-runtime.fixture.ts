import { waitUntil, geolocation } from '@vercel/functions';
import { getVercelOidcToken } from '@vercel/functions/oidc';

export async function GET(request: Request) {
  // ruleid: vercel/functions-runtime
  waitUntil(fetch('https://example.com/log'));
  // ruleid: vercel/functions-runtime
  const { city } = geolocation(request);
  // ruleid: vercel/functions-runtime
  const token = await getVercelOidcToken();
  return new Response(`${city} ${token.length}`);
}

export function worker(ctx: { waitUntil(p: Promise<unknown>): void }) {
  // ok: vercel/functions-runtime
  ctx.waitUntil(Promise.resolve());
}
