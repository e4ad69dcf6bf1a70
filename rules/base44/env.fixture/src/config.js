export const config = {
  // ruleid: base44/env
  appId: import.meta.env.VITE_BASE44_APP_ID,
  // ruleid: base44/env
  functionsVersion: import.meta.env.VITE_BASE44_FUNCTIONS_VERSION,
  // ok: base44/env
  apiUrl: import.meta.env.VITE_API_URL,
  // ok: base44/env
  label: 'VITE_BASE44_APP_ID',
};

// ruleid: base44/env
export const cliAppId = process.env.BASE44_APP_ID;
