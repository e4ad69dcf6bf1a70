import { createBrowserClient, createServerClient } from '@supabase/ssr'
import { createClientComponentClient, createRouteHandlerClient } from '@supabase/auth-helpers-nextjs'
import { createSupabaseServerClient } from '@supabase/auth-helpers-sveltekit'
import { useSupabaseClient } from '@supabase/auth-helpers-react'
import { createBrowserClient as remixBrowserClient } from '@supabase/auth-helpers-remix'
import { cookies } from 'next/headers'

// ruleid: supabase/ssr-client
export const browser = createBrowserClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!)

export async function serverClient() {
  const store = await cookies()
  // ruleid: supabase/ssr-client
  return createServerClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!, {
    cookies: { getAll: () => store.getAll(), setAll: () => {} },
  })
}

// ruleid: supabase/ssr-client
export const legacyComponent = createClientComponentClient()
// ruleid: supabase/ssr-client
export const legacyRoute = createRouteHandlerClient({ cookies })
// ruleid: supabase/ssr-client
export const remix = remixBrowserClient('https://example.supabase.co', 'public-anon-key')
// ruleid: supabase/ssr-client
export const svelte = createSupabaseServerClient({ supabaseUrl: 'u', supabaseKey: 'k', event: {} as never })

export function Avatar() {
  // ruleid: supabase/ssr-client
  const client = useSupabaseClient()
  return client
}

export function localFactory() {
  function createBrowserClient(name: string) { return { name } }
  // ok: supabase/ssr-client
  return createBrowserClient('x')
}
export function shadowed(createServerClient: (u: string) => object) {
  // ok: supabase/ssr-client
  return createServerClient('https://example.org')
}
