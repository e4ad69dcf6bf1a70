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
  if (typeof role !== 'string' || !PRIVILEGED_ROLES.has(role)) return { quietBecause: 'not-privileged' };
  if (claims.iss === DEMO_ISSUER || signedWithDemoSecret(header, payload, signature)) return { quietBecause: 'demo-key' };
  return { privilegedRole: role };
}

/** HS256 tokens signed with the published demo secret are local-development keys whatever they claim. */
function signedWithDemoSecret(header: string, payload: string, signature: string): boolean {
  const expected = createHmac('sha256', DEMO_JWT_SECRET).update(`${header}.${payload}`).digest('base64url');
  return expected === signature.replace(/=+$/, '');
}
