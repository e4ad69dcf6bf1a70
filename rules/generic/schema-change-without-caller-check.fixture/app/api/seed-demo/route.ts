// A demo-data route whose connection string comes from a config module, not from an env read in
// this file: the driver's import is the only sign of a database here.
import { neon } from '@neondatabase/serverless';
import { connectionString } from '../../../lib/config';

const sql = neon(connectionString);

export async function POST() {
  // ruleid: generic/schema-change-without-caller-check
  await sql.query('CREATE TABLE IF NOT EXISTS demo_orders (id serial primary key, total numeric)');
  return Response.json({ seeded: true });
}
