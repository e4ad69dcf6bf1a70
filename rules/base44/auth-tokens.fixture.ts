import { createClientFromRequest, getAccessToken, getLoginUrl, removeAccessToken } from '@base44/sdk';

export function currentToken() {
  // ruleid: base44/auth-tokens
  return getAccessToken();
}

export function forgetSession() {
  // ruleid: base44/auth-tokens
  removeAccessToken({ storageKey: 'base44_access_token' });
}

export function adoptToken(req: Request, token: string) {
  const base44 = createClientFromRequest(req);
  // ruleid: base44/auth-tokens
  base44.setToken(token);
}

export function loginLink(next: string) {
  // ruleid: base44/auth-tokens
  return getLoginUrl(next, { serverUrl: 'https://base44.app', appId: 'demo-app' });
}

const cookieAuth = { getAccessToken: () => document.cookie };
// ok: base44/auth-tokens
export const fromCookie = cookieAuth.getAccessToken();

export async function ssoToken(req: Request, userId: string) {
  const base44 = createClientFromRequest(req);
  // ruleid: base44/auth-tokens
  const sso = await base44.asServiceRole.sso.getAccessToken(userId);
  // ok: base44/auth-tokens
  const me = await base44.auth.me();
  return { sso, me };
}

// ok: base44/auth-tokens
export const hint = 'getAccessToken() reads localStorage.base44_access_token';
