// Outside functions/, an onRequest export is an ordinary function.
// ok: cloudflare/worker-handler
export function onRequest(event: { url: string }) {
  return event.url
}
