import { signIn, signOut, getCurrentUser } from 'aws-amplify/auth';
import * as Auth from 'aws-amplify/auth';

export async function login(username: string, password: string) {
  // ruleid: amplify/auth
  await signIn({ username, password });
  // ruleid: amplify/auth
  return Auth.fetchAuthSession();
}

// ruleid: amplify/auth
export const logout = () => signOut();
// ruleid: amplify/auth
export const me = () => getCurrentUser();

const session = { signIn: (u: string) => u };
// ok: amplify/auth
session.signIn('local');
