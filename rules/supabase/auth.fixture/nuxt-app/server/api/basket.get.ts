import { serverSupabaseClient, serverSupabaseServiceRole, serverSupabaseUser } from '#supabase/server'

export default defineEventHandler(async (event) => {
  // ruleid: supabase/auth
  const buyer = await serverSupabaseUser(event)
  if (!buyer) throw createError({ statusCode: 401 })
  // ruleid: supabase/client
  const db = await serverSupabaseClient(event)
  // ruleid: supabase/client
  const admin = serverSupabaseServiceRole(event)
  return { buyer: buyer.id, db: Boolean(db), admin: Boolean(admin) }
})
