import { createClientFromRequest } from 'npm:@base44/sdk@0.8.6';

// Called by the payment provider when an invoice is paid. The provider signs
// the raw body with HMAC-SHA256; nothing is touched before that is checked.

const encoder = new TextEncoder();

function hexToBytes(hex: string): Uint8Array {
  if (!/^[0-9a-f]+$/i.test(hex) || hex.length % 2 !== 0) return new Uint8Array();
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  }
  return bytes;
}

async function verifySignature(payload: string, signature: string | null, secret: string): Promise<boolean> {
  if (!signature) return false;
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['verify'],
  );
  return crypto.subtle.verify('HMAC', key, hexToBytes(signature), encoder.encode(payload));
}

interface InvoicePaidEvent {
  type: string;
  created_at: string;
  data: { invoice_id: string };
}

Deno.serve(async (req: Request) => {
  const secret = Deno.env.get('PAYMENTS_WEBHOOK_SECRET');
  if (!secret) {
    return Response.json({ error: 'Webhook secret is not configured' }, { status: 500 });
  }

  const payload = await req.text();
  const valid = await verifySignature(payload, req.headers.get('x-payments-signature'), secret);
  if (!valid) {
    return Response.json({ error: 'Invalid signature' }, { status: 401 });
  }

  const event = JSON.parse(payload) as InvoicePaidEvent;
  if (event.type !== 'invoice.paid') {
    return Response.json({ received: true });
  }

  const base44 = createClientFromRequest(req);
  const [deal] = await base44.asServiceRole.entities.Deal.filter({ invoice_id: event.data.invoice_id });
  if (deal) {
    await base44.asServiceRole.entities.Deal.update(deal.id, { stage: 'won', paid_at: event.created_at });
  }
  return Response.json({ received: true });
});
