interface Env { DOCS: VectorizeIndex }

export async function nearest(env: Env, vector: number[]) {
  // ruleid: cloudflare/vectorize-call
  const matches = await env.DOCS.query(vector, { topK: 5 })
  // ok: cloudflare/vectorize-call
  return matches.matches.map((m) => m.id)
}
