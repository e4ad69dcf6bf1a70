Deno.serve(() => {
  // ruleid: base44/env
  const appId = Deno.env.get('BASE44_APP_ID');
  // ok: base44/env
  const resendKey = Deno.env.get('RESEND_API_KEY');
  return Response.json({ appId, hasMail: Boolean(resendKey) });
});
