import Stripe from 'stripe';
import { upgradeAccount } from '@/lib/accounts';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

// Verified: constructEvent throws on a bad signature.
// ok: generic/webhook-without-signature
export async function POST(request: Request) {
  const raw = await request.text();
  const event = stripe.webhooks.constructEvent(raw, request.headers.get('stripe-signature')!, process.env.STRIPE_WEBHOOK_SECRET!);
  if (event.type === 'checkout.session.completed') await upgradeAccount(String(event.data.object.customer));
  return new Response('ok');
}
