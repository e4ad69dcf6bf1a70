import PocketBase from 'pocketbase';

const pb = new PocketBase('http://127.0.0.1:8090');

export function watchPosts(onChange: (e: unknown) => void) {
  // ruleid: pocketbase/realtime
  return pb.collection('posts').subscribe('*', onChange);
}

export function stopWatching() {
  // ruleid: pocketbase/realtime
  pb.collection('posts').unsubscribe();
}

const emitter = { collection: (n: string) => ({ subscribe: (t: string) => [n, t] }) };
// ok: pocketbase/realtime
emitter.collection('posts').subscribe('*');
