import Stripe from 'stripe';

// ruleid: generic/stripe-test-key
const stripe = new Stripe('sk_test_6K45n5Iq3M1uFLyKAtsFOyi7d71kTekevRTKM9vjLWmg7cyaHePh5EbdEPgsF6qJGlme2J4yoLcMvBQa7jZJMOXCXD4HFUoy3gx');
// ok: generic/stripe-test-key
const publishable = 'pk_test_kFt6OB3cDqTozlW3TyGG4XGSKvZu1Eg6R0BO9JorUCZLhWywcPti';
// Stripe's own documentation key is public and harmless.
// ok: generic/stripe-test-key
const docsKey = 'sk_test_4eC39HqLyjWDarjtT1zdp7dc';
// ok: generic/stripe-test-key
const placeholder = 'sk_test_...';
// ok: generic/stripe-test-key
const fromEnv = new Stripe(process.env.STRIPE_TEST_KEY ?? '');

export { stripe, publishable, docsKey, placeholder, fromEnv };
