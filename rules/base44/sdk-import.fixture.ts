// ruleid: base44/sdk-import
import { createClient } from '@base44/sdk';
// ruleid: base44/sdk-import
import { createClientFromRequest as fromRequest } from 'npm:@base44/sdk@0.8.6';
// ruleid: base44/sdk-import
import { getAccessToken } from 'https://esm.sh/@base44/sdk@0.8.50';
// ok: base44/sdk-import
import { createClient as createSupabase } from '@supabase/supabase-js';
// ok: base44/sdk-import
import { describeSdk } from './base44-sdk-notes';

export async function lazyClient() {
  // ruleid: base44/sdk-import
  const sdk = await import('@base44/sdk');
  return sdk.createClient({ appId: 'demo-app' });
}

// ruleid: base44/sdk-import
const legacy = require('@base44/sdk');

// ok: base44/sdk-import
const snippet = "import { createClient } from '@base44/sdk'";
// import { createClient } from '@base44/sdk' in a comment is not an import.
export { createClient, fromRequest, getAccessToken, createSupabase, describeSdk, legacy, snippet };
