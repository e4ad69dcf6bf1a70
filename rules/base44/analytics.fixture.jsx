import { createClient } from '@base44/sdk';

const base44 = createClient({ appId: 'demo-app' });
const tracker = { analytics: { track: () => {} } };

export function DealCreated({ amount }) {
  // ruleid: base44/analytics
  base44.analytics.track({ eventName: 'deal_created', properties: { amount } });
  // ruleid: base44/analytics
  base44.appLogs.logUserInApp('Deals');
  // ok: base44/analytics
  tracker.analytics.track({ eventName: 'deal_created' });
  // ok: base44/analytics
  const note = 'base44.analytics.track({ eventName })';
  return <span title={note}>{amount}</span>;
}
