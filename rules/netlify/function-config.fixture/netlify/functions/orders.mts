import type { Config, Context } from '@netlify/functions';

export default async (req: Request, context: Context) => new Response(`orders for ${context.site.name}`);

// ruleid: netlify/function-config
export const config: Config = { path: '/api/orders', method: ['GET'] };
