import { httpRouter } from 'convex/server';
import { httpAction } from './_generated/server';

const http = httpRouter();

// ruleid: convex/http-routes
http.route({
  path: '/webhook',
  method: 'POST',
  handler: httpAction(async () => new Response(null, { status: 200 })),
});

const router = { route: (def: object) => def };
// ok: convex/http-routes
router.route({ path: '/local' });

export default http;
