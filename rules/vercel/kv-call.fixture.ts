import { createClient, kv } from '@vercel/kv';

export async function remember(key: string, value: string) {
  // ruleid: vercel/kv-call
  await kv.set(key, value, { ex: 60 });
  const other = createClient({ url: process.env.CACHE_URL ?? '', token: process.env.CACHE_TOKEN ?? '' });
  // ruleid: vercel/kv-call
  return other.get(key);
}

const local = new Map<string, string>();
// ok: vercel/kv-call
local.set('k', 'v');
