export default defineNuxtConfig({
  modules: [
    '@pinia/nuxt',
    // ruleid: supabase/nuxt-module
    '@nuxtjs/supabase',
    // ok: supabase/nuxt-module
    '@nuxtjs/tailwindcss',
  ],
  supabase: { redirect: false },
})
