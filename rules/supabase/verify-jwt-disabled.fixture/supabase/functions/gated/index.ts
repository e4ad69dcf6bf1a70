Deno.serve(() => new Response('the gateway checked the JWT'));
