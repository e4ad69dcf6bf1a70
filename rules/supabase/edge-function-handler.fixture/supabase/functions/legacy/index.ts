import { serve } from 'https://deno.land/std@0.168.0/http/server.ts'

// ruleid: supabase/edge-function-handler
serve(async (_req: Request) => new Response('ok'))
