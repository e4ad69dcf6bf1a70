import { createClient } from '@base44/sdk';

// One client for the whole app. Pages that need a signed-in user call
// base44.auth.me() themselves, so the client does not force a login.
export const base44 = createClient({
  appId: import.meta.env.VITE_BASE44_APP_ID,
  requiresAuth: false,
});
