// Credentials recognised by the name they are given.

// ruleid: generic/hardcoded-credential
const SECRET_TOKEN = 'Bearer Orchard7Lantern2031';

export const deployConfig = {
  host: 'deploy.internal',
  // ruleid: generic/hardcoded-credential
  password: 'qT4vN8sLw2Rz',
  // The key's name, not its value.
  // ok: generic/hardcoded-credential
  apiKeyHeader: 'x-api-key',
};

export async function notifyScanner(payload: unknown) {
  return fetch('https://hooks.internal.test/scan', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      // ruleid: generic/hardcoded-credential
      Authorization: 'Kestrel9Harbor2044',
    },
    body: JSON.stringify(payload),
  });
}

// Words, key names and env-var names are not credentials.
// ok: generic/hardcoded-credential
const TOKEN_STORAGE = 'session_token';
// ok: generic/hardcoded-credential
const tokenHeader = 'authorization';
// ok: generic/hardcoded-credential
const apiKey = 'OPENAI_API_KEY';
// The Firebase web apiKey is public by design.
// ok: generic/hardcoded-credential
const firebaseConfig = { apiKey: 'AIzaSyB3x9Qk2LmN4pR7sT1vW8yZ0aC5dE6fG7h', projectId: 'lens-demo' };
// Placeholders stay quiet.
// ok: generic/hardcoded-credential
const secret = 'your-secret-here';

export { SECRET_TOKEN, TOKEN_STORAGE, tokenHeader, apiKey, firebaseConfig, secret };

// Doc strings with typed sample values, and words in other scripts, are not credentials.
// ok: generic/hardcoded-credential
const sampleBody = '{ "apikey": "abc123xyz456" }';
// ok: generic/hardcoded-credential
const labels = { password: 'Contraseña' };
// Supabase config syntax for reading an env var.
// ok: generic/hardcoded-credential
const tomlLike = { auth_token: 'env(SMS_AUTH_TOKEN)' };

export { sampleBody, labels, tomlLike };
