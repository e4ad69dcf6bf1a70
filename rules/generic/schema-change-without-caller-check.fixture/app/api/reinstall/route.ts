// The same install behind an operator key that must be configured and must match.
import { Pool } from 'pg';

const RESET_TABLES = `
  DROP TABLE IF EXISTS ratings;
  CREATE TABLE ratings (recipe_id int, stars int);
`;

export async function POST(request: Request) {
  const operatorKey = process.env.OPERATOR_KEY;
  if (!operatorKey || request.headers.get('x-operator-key') !== operatorKey) {
    return new Response('forbidden', { status: 403 });
  }
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  // ok: generic/schema-change-without-caller-check
  await pool.query(RESET_TABLES);
  return new Response(null, { status: 204 });
}
