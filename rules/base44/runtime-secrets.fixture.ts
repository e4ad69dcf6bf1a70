import { secrets } from 'base44:runtime';

Deno.serve(async () => {
  // ruleid: base44/runtime-secrets
  const stripeKey = await secrets.get('STRIPE_SECRET_KEY');
  // ok: base44/runtime-secrets
  const fallback = Deno.env.get('STRIPE_SECRET_KEY');
  const vault = { get: (name: string) => name };
  // ok: base44/runtime-secrets
  const local = vault.get('STRIPE_SECRET_KEY');
  return Response.json({ configured: Boolean(stripeKey ?? fallback), local: local.length });
});
