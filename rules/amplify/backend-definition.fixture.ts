import { defineBackend, defineAuth, defineStorage, defineFunction, secret } from '@aws-amplify/backend';

// ruleid: amplify/backend-definition
export const auth = defineAuth({ loginWith: { email: true } });
// ruleid: amplify/backend-definition
export const storage = defineStorage({ name: 'media' });
// ruleid: amplify/backend-definition
export const sayHello = defineFunction({
  name: 'say-hello',
  // ruleid: amplify/backend-definition
  environment: { API_KEY: secret('API_KEY') },
});

// ruleid: amplify/backend-definition
defineBackend({ auth, storage, sayHello });

function defineThing(x: object) {
  return x;
}
// ok: amplify/backend-definition
defineThing({ name: 'local' });
