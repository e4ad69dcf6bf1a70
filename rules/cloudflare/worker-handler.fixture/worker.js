// A plain-JavaScript module worker: the handlers take the bindings as their second parameter.
export default {
  // ruleid: cloudflare/worker-handler
  async fetch(request, env) {
    return routeRequest(request, env)
  },
  // ruleid: cloudflare/worker-handler
  scheduled: async (controller, env, ctx) => {
    ctx.waitUntil(sweepExpired(env))
  },
  // ok: cloudflare/worker-handler
  version: '1.4.0',
}

function routeRequest(request, env) {
  return new Response(env.GREETING)
}

async function sweepExpired() {}
