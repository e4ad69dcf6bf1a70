import { generateClient } from 'aws-amplify/data';
import type { Schema } from '../amplify/data/resource';

const client = generateClient<Schema>();

export async function todos() {
  // ruleid: amplify/data-client
  const { data } = await client.models.Todo.list();
  // ruleid: amplify/data-client
  await client.models.Todo.create({ content: 'hello' });
  // ruleid: amplify/data-client
  const sub = client.models.Todo.observeQuery().subscribe({ next: () => undefined });
  // ruleid: amplify/data-client
  await client.queries.sayHello({ name: 'Amplify' });
  return [data, sub];
}

const api = { models: { Todo: { list: async () => [] } } };
// ok: amplify/data-client
api.models.Todo.list();

export function withParam(client: { models: { Todo: { get(id: string): void } } }) {
  // ok: amplify/data-client
  client.models.Todo.get('1');
}
