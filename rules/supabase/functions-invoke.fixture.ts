import { createBrowserClient } from '@supabase/ssr'

const supabase = createBrowserClient('https://example.supabase.co', 'public-anon-key')

export async function sendWelcome(email: string) {
  // ruleid: supabase/functions-invoke
  const { data, error } = await supabase.functions.invoke('send-welcome', { body: { email } })
  if (error) throw error
  return data
}

export async function lookAlikes(firebase: { functions: { invoke(n: string): unknown } }) {
  // ok: supabase/functions-invoke
  await firebase.functions.invoke('send-welcome')
  // ok: supabase/functions-invoke
  const res = await fetch('/functions/v1/send-welcome', { method: 'POST' })
  return res
}
