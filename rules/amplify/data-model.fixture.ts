import { a, defineData, type ClientSchema } from '@aws-amplify/backend';

const schema = a.schema({
  // ruleid: amplify/data-model
  Todo: a.model({ content: a.string(), done: a.boolean() }).authorization((allow) => [allow.owner()]),
  // ok: amplify/data-model
  Address: a.customType({ street: a.string() }),
});

export type Schema = ClientSchema<typeof schema>;
export const data = defineData({ schema });

const b = { model: (x: object) => x };
// ok: amplify/data-model
b.model({});
