import { createClient } from '@base44/sdk';

export const base44 = createClient({
  appId: import.meta.env.VITE_BASE44_APP_ID,
  // ruleid: base44/requires-auth-false-with-writes
  requiresAuth: false,
});
