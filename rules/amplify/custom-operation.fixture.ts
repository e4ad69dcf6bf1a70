import { a, defineData, defineFunction, type ClientSchema } from '@aws-amplify/backend';

const notify = defineFunction({ name: 'notify', entry: './notify.ts' });

const schema = a.schema({
  Note: a.model({ text: a.string() }).authorization((allow) => [allow.owner()]),
  // ruleid: amplify/custom-operation
  sendNote: a
    .mutation()
    .arguments({ text: a.string() })
    .returns(a.boolean())
    // ruleid: amplify/custom-operation
    .handler(a.handler.function(notify))
    .authorization((allow) => [allow.authenticated()]),
  // ok: amplify/custom-operation
  Reply: a.customType({ text: a.string() }),
});

export type Schema = ClientSchema<typeof schema>;
export const data = defineData({ schema });
