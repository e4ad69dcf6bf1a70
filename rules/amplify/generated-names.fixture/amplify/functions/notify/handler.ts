import type { Schema } from '../../data/resource';

// ruleid: amplify/generated-names
export const handler: Schema['notifyGuests']['functionHandler'] = async (event) => {
  // ruleid: amplify/generated-names
  const table = 'Guest-k3v9qz7wxm2bt5ynr8hjc4pdla-NONE';
  return { table, id: event.arguments.id };
};
