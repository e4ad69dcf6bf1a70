// A Pages Function: routed by its path under functions/, handed the bindings in context.env.
// ruleid: cloudflare/worker-handler
export const onRequestGet: PagesFunction = async (context) => {
  return new Response(String(context.env.BUILD_ID))
}

// ruleid: cloudflare/worker-handler
export async function onRequestPost(context) {
  return new Response(await context.request.text())
}

// A helper with the handler's prefix that Pages does not route (not exported).
// ok: cloudflare/worker-handler
const onRequestLogged = (context) => console.log(context.request.url)
export default onRequestLogged
