interface Env { ROOMS: DurableObjectNamespace }

export default {
  async fetch(request: Request, env: Env) {
    // ruleid: cloudflare/durable-object-call
    const id = env.ROOMS.idFromName('lobby')
    // ok: cloudflare/durable-object-call
    const name = id.toString()
    return new Response(name)
  },
}
