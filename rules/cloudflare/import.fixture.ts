// ruleid: cloudflare/import
import { DurableObject, env } from 'cloudflare:workers';
// ruleid: cloudflare/import
import { connect } from 'cloudflare:sockets';
// ruleid: cloudflare/import
import { getCloudflareContext } from '@opennextjs/cloudflare';
// ok: cloudflare/import
import { Hono } from 'hono';
// ok: cloudflare/import
import { cloudflareUtils } from './cloudflare/utils';

// ok: cloudflare/import
export const text = "import { env } from 'cloudflare:workers'";
export { DurableObject, env, connect, getCloudflareContext, Hono, cloudflareUtils };
