// Test data: a typed password for a throw-away account is expected here.
export const account = {
  email: 'tester@example.test',
  // ok: generic/hardcoded-credential
  password: 'Tr4velling9Owl',
};
