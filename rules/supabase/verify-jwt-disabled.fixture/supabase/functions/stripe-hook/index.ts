import Stripe from 'npm:stripe@14';

const stripe = new Stripe(Deno.env.get('STRIPE_API_KEY')!);

Deno.serve(async (req) => {
  const body = await req.text();
  try {
    const event = stripe.webhooks.constructEvent(body, req.headers.get('stripe-signature') ?? '', Deno.env.get('STRIPE_WEBHOOK_SECRET')!);
    console.log(event.type);
  } catch {
    return new Response('bad signature', { status: 400 });
  }
  return new Response('ok');
});
