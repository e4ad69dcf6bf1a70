import { generateClient } from 'aws-amplify/data';
import type { Schema } from '../amplify/data/resource';

// ruleid: amplify/generate-client
const client = generateClient<Schema>();

export async function todos() {
  const { data } = await client.models.Todo.list();
  return data;
}

// A generator of our own.
function generateReport() { return 'report'; }
// ok: amplify/generate-client
generateReport();
