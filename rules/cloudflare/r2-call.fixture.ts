// R2 through `env` imported from cloudflare:workers.
import { env } from 'cloudflare:workers'

interface Env { UPLOADS: R2Bucket }

export async function saveAvatar(key: string, body: ArrayBuffer) {
  // ruleid: cloudflare/r2-call
  await env.UPLOADS.put(key, body)
}

export function bucketOf(own: Env) {
  // ruleid: cloudflare/r2-call
  return own.UPLOADS.list({ prefix: 'avatars/' })
}

export function notABucket(store: Map<string, ArrayBuffer>) {
  // ok: cloudflare/r2-call
  return store.get('avatars/1')
}
