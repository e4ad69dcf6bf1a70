// The bindings typed in code: an RPC call on a Worker bound as BILLING.
interface Env {
  BILLING: Fetcher
}

export async function chargeOrder(env: Env, orderId: string): Promise<void> {
  // ruleid: cloudflare/service-call
  await env.BILLING.charge(orderId)
}

// A fetcher of a data library, passed in: not a binding.
// ok: cloudflare/service-call
export const load = (fetcher: (url: string) => Promise<Response>) => fetcher('/api/orders')
