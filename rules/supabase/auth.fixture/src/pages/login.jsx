import supabase from '../lib/supabase'
import { useUser } from '@supabase/auth-helpers-react'

export async function signIn(email, password) {
  // ruleid: supabase/auth
  const { data, error } = await supabase.auth.signInWithPassword({ email, password })
  if (error) throw error
  return data.session
}

export async function magicLink(email) {
  // ruleid: supabase/auth
  return supabase.auth.signInWithOtp({ email, options: { emailRedirectTo: location.origin } })
}

export function watch(onChange) {
  // ruleid: supabase/auth
  const { data: { subscription } } = supabase.auth.onAuthStateChange((_event, session) => onChange(session))
  return () => subscription.unsubscribe()
}

export async function enrollTotp() {
  // ruleid: supabase/auth
  return supabase.auth.mfa.enroll({ factorType: 'totp' })
}

export async function adminOnly() {
  // ok: supabase/auth
  return supabase.auth.admin.listUsers()
}

export function Profile() {
  // ruleid: supabase/auth
  const user = useUser()
  return user?.email
}

export function lookAlikes(passport) {
  // ok: supabase/auth
  const auth = { signOut() {} }; auth.signOut()
  // ok: supabase/auth
  passport.auth.signInWithPassword('local')
  // ok: supabase/auth
  const hint = 'call supabase.auth.getUser() on the server'
  return hint
}
