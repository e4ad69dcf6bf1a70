import PocketBase, { type RecordService } from 'pocketbase';

const pb = new PocketBase('http://127.0.0.1:8090');

export async function signIn(email: string, password: string) {
  // ruleid: pocketbase/auth
  await pb.collection('users').authWithPassword(email, password);
  // ruleid: pocketbase/auth
  return pb.authStore.isValid;
}

export function signOut() {
  // ruleid: pocketbase/auth
  pb.authStore.clear();
}

const session = { authStore: { isValid: false } };
// ok: pocketbase/auth
export const valid = session.authStore.isValid;

export async function records() {
  // ok: pocketbase/auth
  return pb.collection('users').getFullList();
}

// A helper handed one collection's service (typed with the SDK's RecordService), not the client.
export async function withProvider(users: RecordService, provider: string) {
  // ruleid: pocketbase/auth
  return users.authWithOAuth2({ provider });
}

// The same method on a service of the app's own is no PocketBase call.
export async function withOwn(users: { authWithOAuth2(o: object): Promise<void> }) {
  // ok: pocketbase/auth
  return users.authWithOAuth2({ provider: 'github' });
}
