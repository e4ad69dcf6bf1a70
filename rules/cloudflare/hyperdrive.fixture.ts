import postgres from 'postgres'

interface Env { POOL: Hyperdrive; DATABASE_URL: string }

export default {
  async fetch(request: Request, env: Env) {
    // ruleid: cloudflare/hyperdrive
    const sql = postgres(env.POOL.connectionString)
    // ok: cloudflare/hyperdrive
    const direct = postgres(env.DATABASE_URL)
    return Response.json(await Promise.all([sql`select 1`, direct`select 1`]))
  },
}
