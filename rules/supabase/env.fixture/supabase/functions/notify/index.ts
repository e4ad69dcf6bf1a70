Deno.serve(async () => {
  // ruleid: supabase/env
  const url = Deno.env.get('SUPABASE_URL')
  // ruleid: supabase/env
  const region = Deno.env.get('SB_REGION')
  // ok: supabase/env
  const webhook = Deno.env.get('SLACK_WEBHOOK_URL')
  return Response.json({ url, region, webhook })
})
