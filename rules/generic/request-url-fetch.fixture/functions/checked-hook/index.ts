const ALLOWED_HOSTS = ['hooks.example.test'];

// The host is compared with an allow-list first.
Deno.serve(async (req) => {
  const { target } = await req.json();
  const url = new URL(target);
  if (url.protocol !== 'https:' || !ALLOWED_HOSTS.includes(url.hostname)) return new Response('Refused', { status: 400 });
  // ok: generic/request-url-fetch
  const reply = await fetch(url, { method: 'POST' });
  return Response.json({ status: reply.status });
});
