// Private keys: PEM blocks and Google service-account credentials (JSON, a JS object, or the base64
// of that JSON as CI systems store it). A block counts only when its body is real base64 key material,
// so `-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----` in a README stays quiet.

import type { RawSecret } from './types';
import { decodeBase64, looksLikePlaceholder } from './structure';

// Used with matchAll only (which copies it); single lookups use the non-global PEM_ONCE, so no
// shared lastIndex leaks between files.
const PEM = /-----BEGIN (?<kind>(?:[A-Z0-9_-]+ ){0,3})PRIVATE KEY(?: BLOCK)?-----(?<body>[\s\S]{0,12000}?)-----END (?:[A-Z0-9_-]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----/g;
const PEM_ONCE = new RegExp(PEM.source);

/**
 * The base64 key material between the armour lines, undoing the forms keys take in source: `\n`
 * escapes inside a JSON string, `'…' +` concatenation, header lines such as `Proc-Type: 4,ENCRYPTED`.
 */
export function pemMaterial(rawBody: string): string | undefined {
  const lines = rawBody
    .replace(/\\r|\\n/g, '\n')
    .split(/\r?\n/)
    .map((line) => line.replace(/^[\s"'`+,]+|[\s"'`+,;\\]+$/g, ''))
    .filter((line) => line !== '' && !line.includes(':'));
  const material = lines.join('');
  if (!/^[A-Za-z0-9+/]{64,}={0,2}$/.test(material) || looksLikePlaceholder(material)) return undefined;
  return material;
}

export function pemKeys(text: string): RawSecret[] {
  const out: RawSecret[] = [];
  for (const m of text.matchAll(PEM)) {
    const material = pemMaterial(m.groups!.body);
    if (!material) continue;
    const kind = m.groups!.kind.trim();
    out.push({ family: 'private-key', label: kind ? `${kind} private key` : 'private key', start: m.index!, end: m.index! + m[0].length, secret: material });
  }
  return out;
}

const SERVICE_ACCOUNT_TYPE = /["']?type["']?\s*:\s*["']service_account["']/g;
const PRIVATE_KEY_FIELD = /["']?private_key["']?\s*:\s*["'`]/;
const KEY_ID_FIELD = /["']?private_key_id["']?\s*:\s*["']([0-9a-f]{20,64})["']/;

/** `"type": "service_account"` with a real `private_key` next to it, in JSON or a JS object literal. */
export function serviceAccountKeys(text: string): RawSecret[] {
  const out: RawSecret[] = [];
  // Both forms hold the words `service_account`, in clear or in base64: most texts have neither.
  if (!text.includes('service_account')) return encodedServiceAccounts(text);
  for (const typeMatch of text.matchAll(SERVICE_ACCOUNT_TYPE)) {
    const from = Math.max(0, typeMatch.index! - 4000);
    const window = text.slice(from, typeMatch.index! + 6000);
    const field = PRIVATE_KEY_FIELD.exec(window);
    if (!field) continue;
    const valueAt = field.index + field[0].length;
    const pem = PEM_ONCE.exec(window.slice(valueAt));
    const material = pem && pem.index === 0 ? pemMaterial(pem.groups!.body) : undefined;
    if (!pem || !material) continue;
    const start = from + field.index;
    const end = from + valueAt + pem[0].length;
    if (out.some((s) => s.start === start)) continue;
    const keyId = KEY_ID_FIELD.exec(window)?.[1];
    out.push({ family: 'google-service-account', label: 'Google service-account private key', start, end, secret: keyId ?? material });
  }
  return [...out, ...encodedServiceAccounts(text)];
}

/**
 * `service_account` as it reads inside base64 at each of the three byte alignments (the characters
 * that depend on that text alone): a base64 run decoding to it contains one of them.
 */
const ENCODED_SERVICE_ACCOUNT = base64Fragments('service_account');
/** Text one of which every service-account key holds (for the engine's gate, see findSecrets). */
export const SERVICE_ACCOUNT_WORDS = ['service_account', ...ENCODED_SERVICE_ACCOUNT];

function base64Fragments(word: string): string[] {
  return [0, 1, 2].map((offset) => {
    const encoded = Buffer.from('x'.repeat(offset) + word).toString('base64');
    return encoded.slice(Math.ceil((offset * 8) / 6), Math.floor(((offset + word.length) * 8) / 6));
  });
}

/** Long base64 runs that decode to service-account JSON (`GOOGLE_CREDENTIALS_BASE64=ewogICJ0eXBl…`). */
function encodedServiceAccounts(text: string): RawSecret[] {
  const out: RawSecret[] = [];
  if (!ENCODED_SERVICE_ACCOUNT.some((fragment) => text.includes(fragment))) return out;
  for (const m of text.matchAll(/(?<![A-Za-z0-9+/])e[wy][A-Za-z0-9+/]{398,40000}={0,2}(?![A-Za-z0-9+/=])/g)) {
    const json = decodeBase64(m[0]);
    if (!json || !/"type"\s*:\s*"service_account"/.test(json)) continue;
    const pem = PEM_ONCE.exec(json);
    if (!pem || !pemMaterial(pem.groups!.body)) continue;
    out.push({ family: 'google-service-account', label: 'base64-encoded Google service-account key', start: m.index!, end: m.index! + m[0].length, secret: m[0] });
  }
  return out;
}
