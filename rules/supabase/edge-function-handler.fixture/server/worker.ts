// A Deno server outside supabase/functions is not a Supabase Edge Function.
// ok: supabase/edge-function-handler
Deno.serve({ port: 8080 }, () => new Response('self-hosted'))
