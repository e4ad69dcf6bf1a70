import { createClient, getDeployStore, getStore } from '@netlify/blobs';

export async function saveDraft(id: string, body: string) {
  // ruleid: netlify/blobs-store
  const drafts = getStore({ name: 'drafts', consistency: 'strong' });
  await drafts.set(id, body);
  // ruleid: netlify/blobs-store
  const previews = await getDeployStore('previews');
  return previews.get(id);
}

export function scriptStore(siteID: string, token: string) {
  const client = createClient({ siteID, token });
  // ruleid: netlify/blobs-store
  return client.getStore({ name: 'meta' });
}

// A store of our own with the same name.
function getCache(name: string) { return new Map<string, string>([[name, name]]); }
// ok: netlify/blobs-store
getCache('drafts');
