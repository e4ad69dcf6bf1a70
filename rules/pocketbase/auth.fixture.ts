import PocketBase from 'pocketbase';

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
