import { createClientFromRequest } from 'npm:@base44/sdk@0.8.6';
import * as sdk from 'npm:@base44/sdk';

Deno.serve(async (req) => {
  // ruleid: base44/client-from-request
  const base44 = createClientFromRequest(req);
  const user = await base44.auth.me();
  return Response.json({ email: user?.email ?? null });
});

export function forward(req: Request) {
  // ruleid: base44/client-from-request
  return sdk.createClientFromRequest(req);
}

export function legacyHandler(req: Request) {
  function createClientFromRequest(r: Request) {
    return { url: r.url };
  }
  // ok: base44/client-from-request
  return createClientFromRequest(req);
}

// ok: base44/client-from-request
export const note = 'createClientFromRequest(req) reads the Base44-App-Id header';
