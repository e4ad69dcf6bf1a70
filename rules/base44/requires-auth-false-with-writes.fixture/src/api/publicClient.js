import { createClient } from '@base44/sdk';

// Used only to read the public catalogue.
export const catalogue = createClient({
  appId: import.meta.env.VITE_BASE44_APP_ID,
  // ok: base44/requires-auth-false-with-writes
  requiresAuth: false,
});
