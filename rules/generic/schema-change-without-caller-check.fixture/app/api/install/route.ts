// A recipe site's one-time install route, left deployed: any visitor re-runs the schema file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';

export async function GET() {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  const schema = readFileSync(join(process.cwd(), 'db/schema/0001_recipes.sql'), 'utf8');
  try {
    // ruleid: generic/schema-change-without-caller-check
    await pool.query(schema);
    return Response.json({ installed: true });
  } catch (error) {
    return Response.json({ error: String(error) }, { status: 500 });
  } finally {
    await pool.end();
  }
}
