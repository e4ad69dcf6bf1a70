// Who is calling a garden-plot booking API: helpers shared by its routes.
import type { Context } from 'hono';
import { decode, verify } from 'hono/jwt';
import jwt from 'jsonwebtoken';

export async function gardenerId(c: Context): Promise<string | null> {
  const bearer = c.req.header('Authorization')?.replace('Bearer ', '');
  if (!bearer) return null;
  // ruleid: generic/jwt-decoded-not-verified
  const { payload } = decode(bearer);
  return String(payload.sub);
}

export async function verifiedGardenerId(c: Context): Promise<string | null> {
  const bearer = c.req.header('Authorization')?.replace('Bearer ', '');
  if (!bearer) return null;
  const claims = await verify(bearer, c.env.SESSION_SECRET);
  // ok: generic/jwt-decoded-not-verified
  const { header } = decode(bearer);
  return header.kid === 'v2' ? String(claims.sub) : null;
}

export function cookieRole(request: Request): string {
  const raw = request.headers.get('cookie')?.split('session=')[1] ?? '';
  // ruleid: generic/jwt-decoded-not-verified
  const claims = jwt.decode(raw) as { role?: string } | null;
  return claims?.role ?? 'guest';
}

export function expiresAt(issuedToken: string): number {
  // ok: generic/jwt-decoded-not-verified
  const claims = jwt.decode(issuedToken) as { exp?: number } | null;
  return claims?.exp ?? 0;
}
