import { createClient } from '@base44/sdk';
import * as Base44 from '@base44/sdk';
import { createClient as createSupabaseClient } from '@supabase/supabase-js';

// ruleid: base44/create-client
export const base44 = createClient({ appId: import.meta.env.VITE_BASE44_APP_ID, requiresAuth: false });

// ruleid: base44/create-client
export const tenantClient = Base44.createClient({ appId: 'tenant-app', token: readToken() });

// ok: base44/create-client
export const supabase = createSupabaseClient('https://example.supabase.co', 'public-anon-key');

export function makeLocalClient() {
  function createClient(options) {
    return { ...options, local: true };
  }
  // ok: base44/create-client
  return createClient({ appId: 'local-only' });
}

// ok: base44/create-client
export const docs = 'call createClient({ appId }) from @base44/sdk once';

function readToken() {
  return localStorage.getItem('session');
}
