// A link store whose admin routes compare a header with a configured key: this Worker has chosen
// which routes are public, so its public counter is not reported.
interface Env {
  LINKS: KVNamespace;
  ADMIN_KEY: string;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    if (request.method === 'PUT') return saveLink(request, env);
    const target = await env.LINKS.get(url.pathname.slice(1));
    if (!target) return new Response('unknown link', { status: 404 });
    // ok: cloudflare/worker-write-without-caller-check
    await env.LINKS.put(`hits:${url.pathname}`, String(Date.now()));
    return Response.redirect(target, 302);
  },
};

async function saveLink(request: Request, env: Env): Promise<Response> {
  if (request.headers.get('x-admin-key') !== env.ADMIN_KEY) return new Response('forbidden', { status: 403 });
  const { slug, target } = (await request.json()) as { slug: string; target: string };
  // ok: cloudflare/worker-write-without-caller-check
  await env.LINKS.put(slug, target);
  return new Response('saved', { status: 201 });
}

// A look-alike: a local `env` map in a script that is not a Worker.
const env = { CACHE: new Map<string, string>() };
// ok: cloudflare/worker-write-without-caller-check
export const remember = (key: string, value: string) => env.CACHE.set(key, value);
