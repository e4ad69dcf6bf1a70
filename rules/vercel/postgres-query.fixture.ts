import { createPool, db, sql } from '@vercel/postgres';
import postgres from 'postgres';

type Player = { id: number; name: string };

export const players = {
  async byId(id: number) {
    // ruleid: vercel/postgres-query
    const { rows } = await sql<Player>`select * from players where id = ${id}`;
    return rows[0];
  },
  async rename(id: number, name: string) {
    // ruleid: vercel/postgres-query
    const client = await db.connect();
    await client.sql`update players set name = ${name} where id = ${id}`;
    client.release();
  },
};

// ruleid: vercel/postgres-query
export const pool = createPool({ connectionString: process.env.DATABASE_URL });

// Another library's sql tag.
const other = postgres(process.env.DATABASE_URL ?? '');
// ok: vercel/postgres-query
export const count = other`select count(*) from players`;
