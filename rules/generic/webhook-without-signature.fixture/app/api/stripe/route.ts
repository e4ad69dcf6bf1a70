import { upgradeAccount } from '@/lib/accounts';

// The event is read straight from the body.
// ruleid: generic/webhook-without-signature
export async function POST(request: Request) {
  const event = await request.json();
  if (event.type === 'checkout.session.completed') await upgradeAccount(event.data.object.customer);
  return new Response('ok');
}
