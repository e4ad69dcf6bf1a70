// Workers KV through a typed Env.
interface Env {
  CACHE: KVNamespace
  SETTINGS: Record<string, string>
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    // ruleid: cloudflare/kv-call
    const cached = await env.CACHE.get(request.url)
    if (cached) return new Response(cached)
    // ok: cloudflare/kv-call
    const mode = env.SETTINGS.get
    // ruleid: cloudflare/kv-call
    await env.CACHE.put(request.url, 'x', { expirationTtl: 60 })
    return new Response(String(mode))
  },
}
