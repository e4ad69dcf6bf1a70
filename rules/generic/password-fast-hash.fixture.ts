import { createHash } from 'node:crypto';

async function hashUserPassword(password: string): Promise<string> {
  const bytes = new TextEncoder().encode(password);
  // ruleid: generic/password-fast-hash
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function legacyPasswordHash(pass: string): string {
  // ruleid: generic/password-fast-hash
  return createHash('md5').update(pass).digest('hex');
}

export function storedHash(input: { password: string }): string {
  // ruleid: generic/password-fast-hash
  return createHash('sha1').update(input.password).digest('hex');
}

// Content hashes are what fast digests are for.
export async function etagOf(body: string): Promise<string> {
  // ok: generic/password-fast-hash
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body));
  return btoa(String.fromCharCode(...new Uint8Array(digest)));
}

export function fileChecksum(data: Buffer): string {
  // ok: generic/password-fast-hash
  return createHash('sha256').update(data).digest('hex');
}

export { hashUserPassword };
