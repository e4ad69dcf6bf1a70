import { get, createClient } from '@vercel/edge-config';

export async function maintenance() {
  // ruleid: vercel/edge-config
  return get<boolean>('maintenance');
}

// ruleid: vercel/edge-config
const flags = createClient(process.env.EDGE_CONFIG_FLAGS);

export async function flag(name: string) {
  // ruleid: vercel/edge-config
  return flags.get(name);
}

const settings = new Map<string, string>();
// ok: vercel/edge-config
settings.get('theme');
