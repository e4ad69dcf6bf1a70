import { type ClientSchema, a, defineData } from '@aws-amplify/backend';
import { mailer } from '../functions/mailer/resource';

// A schema left over from the tutorial, kept in a comment: not live.
// const old = a.schema({ Note: a.model({ body: a.string() }).authorization((allow) => [allow.publicApiKey()]) });

const schema = a.schema({
  Member: a
    .model({ fullName: a.string(), email: a.string(), phone: a.string() })
    // ruleid: amplify/data-public-access
    .authorization((allow) => [allow.publicApiKey()]),
  Invoice: a
    .model({ total: a.float(), memberId: a.id() })
    // ruleid: amplify/data-public-access
    .authorization((allow) => [allow.owner(), allow.guest().to(['read', 'update'])]),
  // The catalogue is public on purpose, and read-only for the public key.
  Product: a
    .model({ title: a.string(), price: a.float() })
    // ok: amplify/data-public-access
    .authorization((allow) => [allow.publicApiKey().to(['read']), allow.group('admins')]),
  Diary: a
    .model({ entry: a.string() })
    // ok: amplify/data-public-access
    .authorization((allow) => [allow.owner()]),
  sendDigest: a
    .query()
    .arguments({ to: a.string() })
    .returns(a.string())
    .handler(a.handler.function(mailer))
    // ruleid: amplify/data-public-access
    .authorization((allow) => [allow.publicApiKey()]),
  resendInvite: a
    .mutation()
    .arguments({ memberId: a.id() })
    .returns(a.string())
    .handler(a.handler.function(mailer))
    // ok: amplify/data-public-access
    .authorization((allow) => [allow.authenticated()]),
});

export type Schema = ClientSchema<typeof schema>;
export const data = defineData({ schema, authorizationModes: { defaultAuthorizationMode: 'userPool' } });
