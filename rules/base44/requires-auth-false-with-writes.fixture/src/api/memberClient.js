import { createClient } from '@base44/sdk';

export const members = createClient({
  appId: import.meta.env.VITE_BASE44_APP_ID,
  // ok: base44/requires-auth-false-with-writes
  requiresAuth: true,
});
