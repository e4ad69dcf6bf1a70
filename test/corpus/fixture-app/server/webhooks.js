// Payment events from Stripe: the signing secret was pasted in while testing and never moved out.
import Stripe from 'stripe'

const stripe = new Stripe(process.env.STRIPE_KEY)
const signingSecret = 'whsec_3f9a0c1d2e7b4a5f6c8d9e0a1b2c3d4e'

export function readEvent(rawBody, signature) {
  return stripe.webhooks.constructEvent(rawBody, signature, signingSecret)
}
