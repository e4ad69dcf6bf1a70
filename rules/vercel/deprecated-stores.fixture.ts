// ruleid: vercel/deprecated-stores
import { kv } from '@vercel/kv';
// ruleid: vercel/deprecated-stores
import { sql } from '@vercel/postgres';
// ok: vercel/deprecated-stores
import { Redis } from '@upstash/redis';
// ok: vercel/deprecated-stores
import { neon } from '@neondatabase/serverless';

export { kv, sql, Redis, neon };
