// A gateway Worker that hands sign-in requests to another Worker through a service binding.
export default {
  async fetch(request, env) {
    if (new URL(request.url).pathname.startsWith('/login')) {
      // ruleid: cloudflare/service-call
      return env.ACCOUNTS.fetch(request)
    }
    // ok: cloudflare/service-call
    return fetch('https://status.example.com/ping')
  },
}
