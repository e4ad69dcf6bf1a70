// JSON Web Tokens found in text, classified by their claims. Supabase's legacy API keys are JWTs whose
// `role` claim decides everything: `anon` is meant for browsers, `service_role` bypasses Row Level
// Security. Other JWTs (Storage signed-URL tokens carry `url`, user sessions carry `authenticated`)
// are not API keys and are left alone.

import { createHmac } from 'node:crypto';
import { decodeJsonSegment } from './structure';

/** Roles whose keys bypass Row Level Security (the second is self-hosted Supabase's superuser). */
const PRIVILEGED_ROLES = new Set(['service_role', 'supabase_admin']);

/** Issuer of the demo keys the Supabase CLI and the self-hosting template print for local use. */
const DEMO_ISSUER = 'supabase-demo';

/** The signing secret those demo keys share; it is published, so a key it signs protects nothing. */
const DEMO_JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';

export interface JwtVerdict {
  /** The `role` claim, when the token is a privileged API key that is not a public demo key. */
  privilegedRole?: string;
  /** A token of another issuer that acts for someone (a subject, scopes, an API key id) and has not expired. */
  bearer?: string;
  /** Why the token was judged harmless (for tests and debugging; never shown with the token). */
  quietBecause?: 'not-jwt' | 'not-privileged' | 'demo-key';
}

/** Payload segments may start `ey` (compact JSON) or `eyAg`/`ewog` (pretty-printed self-host keys). */
export const JWT_PATTERN = /(?<![A-Za-z0-9_-])(ey[A-Za-z0-9_-]{10,})\.((?:ey|ew)[A-Za-z0-9_-]{10,})\.([A-Za-z0-9_-]{16,})(?![A-Za-z0-9_-])/g;

export function classifyJwt(header: string, payload: string, signature: string): JwtVerdict {
  const head = decodeJsonSegment(header);
  const claims = decodeJsonSegment(payload);
  if (!head || typeof head.alg !== 'string' || !claims) return { quietBecause: 'not-jwt' };
  const role = claims.role;
  if (typeof role !== 'string' || !PRIVILEGED_ROLES.has(role)) {
    const bearer = bearerToken(claims);
    return bearer ? { bearer } : { quietBecause: 'not-privileged' };
  }
  if (claims.iss === DEMO_ISSUER || signedWithDemoSecret(header, payload, signature)) return { quietBecause: 'demo-key' };
  return { privilegedRole: role };
}

/** HS256 tokens signed with the published demo secret are local-development keys whatever they claim. */
function signedWithDemoSecret(header: string, payload: string, signature: string): boolean {
  const expected = createHmac('sha256', DEMO_JWT_SECRET).update(`${header}.${payload}`).digest('base64url');
  return expected === signature.replace(/=+$/, '');
}

/** Claims that make a token act for someone; a Supabase anon key or a user session's `authenticated` role do not. */
const ACTING_CLAIMS = ['sub', 'scope', 'scopes', 'permissions', 'api_key', 'apiKey', 'key', 'client_id', 'uid', 'user_id', 'userId', 'email'];
/** The example token of the JWT introduction pages (`John Doe`), copied into many READMEs and tests. */
const TEXTBOOK_SUBJECT = '1234567890';

/**
 * A hard-coded JWT of any issuer that grants something: it names a subject or scopes, its role is
 * not a public one, and it has not expired. Signed-URL tokens (`url`) and anon keys stay quiet.
 */
function bearerToken(claims: Record<string, unknown>): string | undefined {
  if (claims.role === 'anon' || claims.role === 'authenticated' || 'url' in claims || claims.sub === TEXTBOOK_SUBJECT) return undefined;
  if (typeof claims.exp === 'number' && claims.exp * 1000 < Date.now()) return undefined;
  const acting = ACTING_CLAIMS.find((c) => c in claims) ?? (typeof claims.role === 'string' ? 'role' : undefined);
  if (!acting) return undefined;
  const issuer = typeof claims.iss === 'string' && /^[\w.:/-]{1,60}$/.test(claims.iss) ? ` from ${claims.iss.replace(/^https?:\/\//, '')}` : '';
  return `JWT${issuer} (${acting} claim${typeof claims.exp === 'number' ? '' : ', no expiry'})`;
}
