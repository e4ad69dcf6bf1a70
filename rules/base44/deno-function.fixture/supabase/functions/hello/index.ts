// ok: base44/deno-function
Deno.serve(() => new Response('hello from another platform'));
