// "Send a test event" to whatever address the caller typed in.
Deno.serve(async (req) => {
  const { hook } = await req.json();
  const { target, method = 'POST' } = hook;
  // ruleid: generic/request-url-fetch
  const reply = await fetch(target, { method, body: JSON.stringify({ event: 'test' }) });
  return Response.json({ status: reply.status });
});
