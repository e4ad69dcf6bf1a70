interface Env { EMAILS: Queue<{ to: string }> }

export default {
  async fetch(request: Request, env: Env) {
    // ruleid: cloudflare/queue-send
    await env.EMAILS.send({ to: 'a@example.com' })
    const pending: string[] = []
    // ok: cloudflare/queue-send
    pending.push('later')
    return new Response('queued')
  },
}
