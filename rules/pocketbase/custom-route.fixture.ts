import PocketBase from 'pocketbase';

export const pb = new PocketBase('http://127.0.0.1:8090');

export async function siteConfig(fetchImpl: typeof fetch) {
  // ruleid: pocketbase/custom-route
  return pb.send('/api/site-config', { method: 'GET', fetch: fetchImpl });
}

// A mail queue of the app's own also has a send(): no PocketBase behind it.
const outbox = { send: (path: string) => path };
// ok: pocketbase/custom-route
outbox.send('/api/site-config');
