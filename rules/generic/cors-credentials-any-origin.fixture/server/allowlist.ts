const ALLOWED = new Set(['https://app.example.com']);

export function corsFor(req: Request): Record<string, string> {
  const origin = req.headers.get('origin') ?? '';
  return {
    // ok: generic/cors-credentials-any-origin
    'Access-Control-Allow-Origin': ALLOWED.has(origin) ? origin : 'https://app.example.com',
    'Access-Control-Allow-Credentials': 'true',
    Vary: 'Origin',
  };
}
