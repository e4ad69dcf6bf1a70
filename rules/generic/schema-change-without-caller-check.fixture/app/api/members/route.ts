// Public reads and writes of rows are other rules' business: no schema changes here.
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

export async function GET() {
  // ok: generic/schema-change-without-caller-check
  const { rows } = await pool.query('SELECT name FROM members WHERE visible = true');
  return Response.json(rows);
}

export async function DELETE() {
  // ruleid: generic/schema-change-without-caller-check
  await pool.query('DROP TABLE members');
  return new Response(null, { status: 204 });
}
