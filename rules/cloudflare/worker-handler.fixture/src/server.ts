// Bun's server options: its fetch takes the server second, not the bindings. Not a Worker.
export default {
  port: 8080,
  // ok: cloudflare/worker-handler
  fetch(request: Request, server: { upgrade(request: Request): boolean }) {
    return server.upgrade(request) ? undefined : new Response(new URL(request.url).pathname)
  },
}

// An object that is not exported, whatever its methods are called.
const poller = {
  // ok: cloudflare/worker-handler
  async fetch(url: string, retries: number) {
    return retries > 0 ? fetch(url) : undefined
  },
}
export const poll = poller.fetch

