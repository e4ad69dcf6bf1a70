export default (request: Request) => new Response(request.url);

// ruleid: netlify/function-config
export const config = { path: '/geo', cache: 'manual' };
