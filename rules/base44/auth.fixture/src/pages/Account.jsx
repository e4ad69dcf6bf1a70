import { base44 } from '@/api/base44Client';
import { User, Deal } from '@/api/entities';

const session = { auth: { me: async () => null, logout: () => {} } };

export async function loadAccount() {
  // ruleid: base44/auth
  const me = await base44.auth.me();
  // ruleid: base44/auth
  const same = await User.me();
  // ruleid: base44/auth
  const settings = await base44.app.getPublicSettings();
  // ok: base44/auth
  const deals = await Deal.filter({ created_by: me.email });
  return { me, same, settings, deals };
}

export async function signIn(email, password) {
  // ruleid: base44/auth
  const { access_token } = await base44.auth.loginViaEmailPassword(email, password);
  return access_token;
}

export function requireLogin() {
  // ruleid: base44/auth
  base44.auth.redirectToLogin(window.location.href);
}

export function signOut() {
  // ruleid: base44/auth
  User.logout('/');
  // ok: base44/auth
  session.auth.logout();
}

export function Help() {
  // ok: base44/auth
  const text = 'base44.auth.me() returns the signed-in user';
  return <p>{text}</p>;
}
