// ruleid: netlify/edge-function-files
import type { Config, Context } from '@netlify/edge-functions';

export default async (_req: Request, context: Context) => context.next();
// ok: netlify/edge-function-files
export const config: Config = { path: '/*' };
