import { getStore, listStores } from '@netlify/blobs';

const uploads = getStore('uploads');

export default async (req: Request) => {
  // ruleid: netlify/blobs
  await uploads.set('latest', await req.text());
  // ruleid: netlify/blobs
  const entry = await getStore({ name: 'cache', consistency: 'strong' }).get('key', { type: 'json' });
  // ruleid: netlify/blobs
  const { stores } = await listStores();
  return Response.json({ entry, stores });
};

const cache = new Map<string, string>();
// ok: netlify/blobs
cache.set('latest', 'x');

export function withParam(getStore: (n: string) => { get(k: string): string }) {
  // ok: netlify/blobs
  return getStore('local').get('k');
}
