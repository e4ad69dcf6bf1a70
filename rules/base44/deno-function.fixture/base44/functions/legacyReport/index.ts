// A local stand-in for the runtime, used by the function's unit test harness.
const Deno = { serve: (handler: (req: Request) => Response) => handler };

// ok: base44/deno-function
export default Deno.serve(() => new Response('report'));
