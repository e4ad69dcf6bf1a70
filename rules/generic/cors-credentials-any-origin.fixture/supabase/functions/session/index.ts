Deno.serve(async (req) => {
  const origin = req.headers.get('origin') ?? '*';
  const headers = {
    // ruleid: generic/cors-credentials-any-origin
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Credentials': 'true',
    'Content-Type': 'application/json',
  };
  return new Response(JSON.stringify({ ok: true }), { headers });
});
