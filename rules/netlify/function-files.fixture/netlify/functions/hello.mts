// ruleid: netlify/function-files
import type { Config } from '@netlify/functions';

export default async () => new Response('hello');
// ok: netlify/function-files
export const config: Config = { path: '/hello' };
