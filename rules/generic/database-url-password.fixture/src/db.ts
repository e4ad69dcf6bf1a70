import { Pool } from 'pg';
import { MongoClient } from 'mongodb';

// ruleid: generic/database-url-password
export const pool = new Pool({ connectionString: 'postgresql://postgres.qzvkhrmtwplbyxnsdjfa:7sTXrPqdoXfhYqwlTAY1@aws-0-eu-central-1.pooler.supabase.com:6543/postgres' });
// ruleid: generic/database-url-password
export const mongo = new MongoClient('mongodb+srv://reporting:1YATlwqYhfXodqPrXTs7@cluster0.ab1cd.mongodb.net/app');

// Local development databases and templates are not leaks.
// ok: generic/database-url-password
export const local = new Pool({ connectionString: 'postgres://postgres:postgres@localhost:5432/postgres' });
// ok: generic/database-url-password
export const supabaseLocal = 'postgresql://postgres:postgres@127.0.0.1:54322/postgres';
// ok: generic/database-url-password
export const compose = 'postgres://app:devpass@db:5432/app';
// ok: generic/database-url-password
export const built = (user: string, pass: string, host: string) => `postgres://${user}:${pass}@${host}/app`;
// ok: generic/database-url-password
export const fromEnv = new Pool({ connectionString: process.env.DATABASE_URL });
