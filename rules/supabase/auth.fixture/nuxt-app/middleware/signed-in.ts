export default defineNuxtRouteMiddleware(() => {
  // ruleid: supabase/auth
  const user = useSupabaseUser()
  if (!user.value) return navigateTo('/signin')
})
