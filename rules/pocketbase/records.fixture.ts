import PocketBase from 'pocketbase';

const pb = new PocketBase('http://127.0.0.1:8090');
const posts = pb.collection('posts');

export async function latest() {
  // ruleid: pocketbase/records
  const page = await pb.collection('posts').getList(1, 20, { filter: 'published = true', sort: '-created' });
  // ruleid: pocketbase/records
  const one = await posts.getOne('abc123', { expand: 'author' });
  // ruleid: pocketbase/records
  await pb.collection('posts').create({ title: 'Hello' });
  // ruleid: pocketbase/records
  const batch = pb.createBatch();
  return [page, one, batch];
}

const repo = { collection: (name: string) => ({ getList: () => [name] }) };
// ok: pocketbase/records
repo.collection('posts').getList();

export function withLocal(pb: { collection(n: string): { create(x: object): void } }) {
  // ok: pocketbase/records
  pb.collection('posts').create({});
}

// ok: pocketbase/records
export const doc = "pb.collection('posts').getList(1, 20)";
