const Deno = { serve: (handler: (req: Request) => Response) => handler }

// ok: supabase/edge-function-handler
Deno.serve(() => new Response('not the Deno global'))
// ok: supabase/edge-function-handler
// Deno.serve(handler) mentioned in a comment
export const text = 'Deno.serve(handler)'
