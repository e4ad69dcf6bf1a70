// A Nuxt app on another backend: a module of a similar name is not the Supabase one.
export default defineNuxtConfig({
  // ok: supabase/nuxt-module
  modules: ['@nuxtjs/supabase-like-cache', '@nuxt/content'],
})
