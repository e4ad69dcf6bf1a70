import Stripe from 'stripe';

// ruleid: generic/stripe-secret-key
const stripe = new Stripe('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');
// ruleid: generic/stripe-secret-key
const reportingKey = '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';
// ruleid: generic/stripe-secret-key
const endpointSecret = 'whsec_iO8knBFiBBIaequ1nTwuh7DMADxv7n4M';

// Publishable keys are meant for the browser.
// ok: generic/stripe-secret-key
const publishable = 'pk_live_kFt6OB3cDqTozlW3TyGG4XGSKvZu1Eg6R0BO9JorUCZLhWywcPtio7gvnGwqPpsGJ8HA7FTv1xEhAl1sJOG9mJ6OLARl7a28fzz';
// Test-mode keys have their own, milder rule.
// ok: generic/stripe-secret-key
const testKey = 'sk_test_6K45n5Iq3M1uFLyKAtsFOyi7d71kTekevRTKM9vjLWmg7cyaHePh5EbdEPgsF6qJGlme2J4yoLcMvBQa7jZJMOXCXD4HFUoy3gx';
// ok: generic/stripe-secret-key
const placeholder = 'sk_live_YourSecretKeyGoesHere000000000000';
// ok: generic/stripe-secret-key
const fromEnv = new Stripe(process.env.STRIPE_SECRET_KEY!);

export { stripe, reportingKey, endpointSecret, publishable, testKey, placeholder, fromEnv };
