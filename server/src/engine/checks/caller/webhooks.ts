// Webhook handlers that never verify the sender. A handler is taken for a provider's webhook by
// what it reads (Slack's `url_verification`/`event_callback` envelope, Stripe event types such as
// `checkout.session.completed`); it counts as verified when its file computes or checks a signature
// (Stripe constructEvent, Svix/standard-webhooks `Webhook`, an HMAC with a constant-time compare,
// Web Crypto verify, Slack's signing secret). Without that, anyone can post a forged event.

import type { CheckHit, LinkedCheck } from '../registry';
import { findEntries } from './entries';
import { CallerWorkspace } from './model';

interface Provider {
  name: string;
  /** Text in a handler that says it receives this provider's events. */
  marker: RegExp;
}

const PROVIDERS: Provider[] = [
  { name: 'Slack', marker: /['"`](?:url_verification|event_callback|block_actions|view_submission|shortcut)['"`]/ },
  {
    name: 'Stripe',
    marker:
      /['"`](?:checkout\.session\.completed|customer\.subscription\.(?:created|updated|deleted)|invoice\.(?:paid|payment_succeeded|payment_failed)|payment_intent\.succeeded)['"`]/,
  },
];

/** Signature checks, as they appear in a file: any one of these makes the file's handlers verified. */
const SIGNATURE_CHECK =
  /\bconstructEvent(?:Async)?\s*\(|\bnew\s+Webhook\s*\(|\btimingSafeEqual\s*\(|\bcreateHmac\s*\(|\bsubtle\.verify\s*\(|x-slack-signature|signing_?secret|verifySlack\w*\s*\(|verify\w*Signature\s*\(/i;

export const unverifiedWebhookCheck: LinkedCheck = {
  name: 'webhook-without-signature',
  scope: 'linked',
  prefilter:
    /url_verification|event_callback|block_actions|view_submission|checkout\.session\.completed|customer\.subscription\.|invoice\.pa|payment_intent\.succeeded/,
  hints: [
    'url_verification',
    'event_callback',
    'block_actions',
    'view_submission',
    'checkout.session.completed',
    'customer.subscription.',
    'invoice.pa',
    'payment_intent.succeeded',
  ].map((text) => ({ text })),
  run(file, view) {
    if (SIGNATURE_CHECK.test(file.text) || !file.facts) return [];
    const model = CallerWorkspace.of(view).model(file.file);
    if (!model) return [];
    const hits: CheckHit[] = [];
    for (const entry of findEntries(model, new Set(['serve', 'http', 'route', 'next']))) {
      if (entry.preGuarded || !entry.fn.body) continue;
      const body = entry.fn.body.getText(model.sourceFile);
      const provider = PROVIDERS.find((p) => p.marker.test(body));
      if (!provider) continue;
      const start = entry.fn.getStart(model.sourceFile);
      hits.push({
        span: { start, end: Math.min(entry.fn.body.getStart(model.sourceFile), start + 80) },
        vars: { provider: provider.name },
      });
    }
    return hits;
  },
};
