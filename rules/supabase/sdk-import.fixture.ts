// ruleid: supabase/sdk-import
import { createClient } from '@supabase/supabase-js'
// ruleid: supabase/sdk-import
import type { SupabaseClient, User } from '@supabase/supabase-js'
// ruleid: supabase/sdk-import
import { createServerClient } from '@supabase/ssr'
// ruleid: supabase/sdk-import
import { createClientComponentClient } from '@supabase/auth-helpers-nextjs'
// ruleid: supabase/sdk-import
import { withSupabase } from '@supabase/server'
// ruleid: supabase/sdk-import
import { createAdminClient } from '@supabase/server/core'
// ruleid: supabase/sdk-import
import { corsHeaders } from '@supabase/supabase-js/cors'
// ruleid: supabase/sdk-import
import { createClient as denoClient } from 'npm:@supabase/supabase-js@2'
// ruleid: supabase/sdk-import
import { createClient as jsrClient } from 'jsr:@supabase/supabase-js@2'
// ruleid: supabase/sdk-import
import { createClient as cdnClient } from 'https://esm.sh/@supabase/supabase-js@2'
// ruleid: supabase/sdk-import
import 'jsr:@supabase/functions-js/edge-runtime.d.ts'
// ruleid: supabase/sdk-import
export { StorageClient } from '@supabase/storage-js'

// ok: supabase/sdk-import
import { createClient as createRedis } from 'redis'
// ok: supabase/sdk-import
import { drizzle } from 'drizzle-orm/node-postgres'
// ok: supabase/sdk-import
import { supabaseLikeHelper } from './supabase-js'

export async function load() {
  // ruleid: supabase/sdk-import
  const { createClient: lazy } = await import('@supabase/supabase-js')
  // ruleid: supabase/sdk-import
  const legacy = require('@supabase/auth-helpers-react')
  // ok: supabase/sdk-import
  const text = "import { createClient } from '@supabase/supabase-js'"
  return { lazy, legacy, text, createClient, createServerClient, createClientComponentClient, withSupabase, createAdminClient, corsHeaders, denoClient, jsrClient, cdnClient, createRedis, drizzle, supabaseLikeHelper }
}
