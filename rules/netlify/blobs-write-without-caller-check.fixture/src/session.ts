// Sessions signed by the site: a verified token, or nothing.
import { jwtVerify } from 'jose';

const key = new TextEncoder().encode(process.env.SESSION_KEY);

export async function readSession(token: string | undefined) {
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, key);
    return { userId: String(payload.sub) };
  } catch {
    return null;
  }
}
