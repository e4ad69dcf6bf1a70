import { createAdminClient } from '@supabase/server/core'
import { createClient } from '@supabase/supabase-js'

const admin = createAdminClient()
const anon = createClient('https://example.supabase.co', 'public-anon-key')

export async function backOffice(email: string, id: string) {
  // ruleid: supabase/auth-admin
  await admin.auth.admin.inviteUserByEmail(email)
  // ruleid: supabase/auth-admin
  const { data } = await admin.auth.admin.listUsers({ page: 1, perPage: 50 })
  // ruleid: supabase/auth-admin
  await admin.auth.admin.mfa.listFactors({ userId: id })
  // ok: supabase/auth-admin
  await anon.auth.getUser()
  return data
}

export function lookAlikes(keycloak: { auth: { admin: { createUser(u: object): void } } }) {
  // ok: supabase/auth-admin
  keycloak.auth.admin.createUser({ username: 'x' })
  // ok: supabase/auth-admin
  // supabase.auth.admin.deleteUser(id) stays in this comment
  return null
}
