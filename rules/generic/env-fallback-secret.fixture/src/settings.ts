// A literal fallback for a secret-named env var is the secret whenever the variable is unset.

// ruleid: generic/env-fallback-secret
const webhookSecret = process.env.WEBHOOK_SECRET || 'default_secret';

// ruleid: generic/env-fallback-secret
const adminPassword = Deno.env.get('ADMIN_PASSWORD') ?? 'letmein42';

// ruleid: generic/env-fallback-secret
const signingKey = import.meta.env.SIGNING_KEY ?? "k3y-for-dev";

// Fallbacks of settings that are not secrets.
// ok: generic/env-fallback-secret
const port = process.env.PORT || '8080';
// ok: generic/env-fallback-secret
const apiUrl = process.env.API_URL || 'http://localhost:3000';
// A public key may have a public default.
// ok: generic/env-fallback-secret
const anonKey = process.env.SUPABASE_ANON_KEY ?? 'public-anon-key-for-local';
// No literal: the code refuses to run without it.
// ok: generic/env-fallback-secret
const jwtSecret = process.env.JWT_SECRET ?? fail('JWT_SECRET is not set');

function fail(message: string): never {
  throw new Error(message);
}

export { webhookSecret, adminPassword, signingKey, port, apiUrl, anonKey, jwtSecret };
