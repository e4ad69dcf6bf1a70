import { createSign } from 'node:crypto';

// Signing key pasted into the code: anyone with the repository can mint tokens the API trusts.
// ruleid: generic/private-key
const SIGNING_KEY = `-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIEoDFecM44aMQaog0AoTwj/7zb5QxQRffN2mXZ+1yA/moAoGCCqGSM49
AwEHoUQDQgAEoI7iTyvfMnuwREYDN1xJ22QEvz1rJ7yb65fEd2aDBkoD/d9kgjLi
a4furtHMyAvNqrw38dU8fDTqBMRfqNGZ7A==
-----END EC PRIVATE KEY-----`;

// A public key is meant to be shared.
// ok: generic/private-key
const VERIFY_KEY = `-----BEGIN PUBLIC KEY-----
MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQCm9y+/5orXWjPtGTlWcmcnKwGX
Y85SYmTe2/Z/1imp+p4ruuU5xY53IqVYQ5Xx7j+OYVS95Jg4h9rC7JISiJ4ZOeg0
tel9omD96kPrK9DytbhLHOaOT0I6v4KbF17zBlS7uFTywtmS3D/f4/IugBkox+AE
iUXMHpY3e1i4sYDU+wIDAQAB
-----END PUBLIC KEY-----`;

// Documentation-style stand-ins carry no key material.
// ok: generic/private-key
const EXAMPLE = '-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----';

// The fix: the key comes from the environment.
// ok: generic/private-key
const fromEnv = process.env.JWT_PRIVATE_KEY ?? '';

export function sign(payload: string): string {
  return createSign('SHA256').update(payload).sign(fromEnv || SIGNING_KEY, 'base64');
}
export { VERIFY_KEY, EXAMPLE };
