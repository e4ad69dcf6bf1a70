// A build script beside the Worker, not in its folder: its `env` is its own settings object.
export async function exportScores(env, store) {
  // ok: cloudflare/binding-call
  await env.cache.put('exported', await store.list())
  // ok: cloudflare/binding-call
  return env.TARGET.get('path')
}
