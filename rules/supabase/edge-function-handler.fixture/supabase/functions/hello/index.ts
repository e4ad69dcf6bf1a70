import 'jsr:@supabase/functions-js/edge-runtime.d.ts'

// ruleid: supabase/edge-function-handler
Deno.serve(async (req: Request) => {
  const { name } = await req.json()
  return new Response(JSON.stringify({ message: `Hello ${name}` }), { headers: { 'Content-Type': 'application/json' } })
})
