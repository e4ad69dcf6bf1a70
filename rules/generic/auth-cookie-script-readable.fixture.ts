import { cookies } from 'next/headers';

export async function keepSession(token: string, theme: string) {
  const jar = await cookies();
  jar.set('app_auth', JSON.stringify({ token }), {
    path: '/',
    sameSite: 'lax',
    // ruleid: generic/auth-cookie-script-readable
    httpOnly: false,
  });
  jar.set('session_id', token, {
    // ok: generic/auth-cookie-script-readable
    httpOnly: true,
    secure: true,
  });
  // A preference the page script reads on purpose.
  jar.set('theme', theme, {
    // ok: generic/auth-cookie-script-readable
    httpOnly: false,
  });
}

export function legacy(res: { cookie(name: string, value: string, o: object): void }, jwt: string) {
  // ruleid: generic/auth-cookie-script-readable
  res.cookie('jwt', jwt, { maxAge: 3600_000, httpOnly: false });
}
