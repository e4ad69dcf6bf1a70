import { serverSupabaseClient } from '#supabase/server'

export default defineEventHandler(async (event) => {
  const client = await serverSupabaseClient(event)
  // ruleid: supabase/query-builder
  const { data } = await client.from('menu_items').select('*')
  return data
})
