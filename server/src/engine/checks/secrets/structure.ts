// Structure checks shared by the secret detectors: is a matched token body a real random value or a
// placeholder someone typed, does a GitHub token's checksum hold, what does a base64url segment hold.

/** Words that mark a value as a stand-in wherever they appear (`EXAMPLEKEY`, `your_key_placeholder`). */
const PLACEHOLDER_WORDS = ['example', 'placeholder', 'changeme', 'change_me', 'change-me', 'replace', 'dummy', 'redacted', 'insert', 'sample'];

/**
 * Short words that would turn up by chance in a long random body, so they count only at its start or
 * end or beside a separator (`your-key-here`, `YOUR_API_KEY`, `fake_token`).
 */
const SHORT_WORDS = /(?:^|[^a-z0-9])(?:your|here|demo|todo|fake|test|key)(?:[^a-z0-9]|$)|^(?:your|fake|demo)|(?:here|goes)$/;

/**
 * Characters that never occur in a real token body but do in templates: `<key>`, `${KEY}`, `[KEY]`, `...`, `…`
 * (written `\u2026`: the bundle stays ASCII, see scripts/bundle.mjs).
 */
const TEMPLATE_MARKS = /[<>{}[\]*\u2026]|\.\.\.|\$\(/;

/** Placeholder words or template syntax: `your-key-here`, `<API_KEY>`, `${KEY}`, `EXAMPLEKEY`. */
export function hasPlaceholderMarks(body: string): boolean {
  const lower = body.toLowerCase();
  // `xxxx`/`XXXX` in one case only: a random body holds mixed-case `xXxX` now and then.
  if (body.includes('xxxx') || body.includes('XXXX')) return true;
  return PLACEHOLDER_WORDS.some((w) => lower.includes(w)) || SHORT_WORDS.test(lower) || TEMPLATE_MARKS.test(body);
}

/**
 * True when a token body looks typed by a person rather than generated: placeholder marks, a long run
 * of one character, an alphabet run (`abcdef`, `123456`), or too little entropy for its length. Real
 * keys are uniformly random, so each of these is vanishingly rare in them.
 */
export function looksLikePlaceholder(body: string): boolean {
  if (hasPlaceholderMarks(body)) return true;
  if (/(.)\1{5}/.test(body)) return true;
  if (hasSequentialRun(body, 6)) return true;
  return body.length >= 16 && shannonEntropy(body) < 3;
}

/** Does the text hold `length` characters in a row whose codes go up (or down) by one? */
export function hasSequentialRun(text: string, length: number): boolean {
  let up = 1;
  let down = 1;
  for (let i = 1; i < text.length; i++) {
    const step = text.charCodeAt(i) - text.charCodeAt(i - 1);
    up = step === 1 ? up + 1 : 1;
    down = step === -1 ? down + 1 : 1;
    if (up >= length || down >= length) return true;
  }
  return false;
}

/** Bits per character of the text's own character distribution. */
export function shannonEntropy(text: string): number {
  if (text.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) crc = CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function base62(n: number, width: number): string {
  let out = '';
  do {
    out = BASE62[n % 62] + out;
    n = Math.floor(n / 62);
  } while (n > 0);
  return out.padStart(width, '0');
}

/**
 * GitHub's prefixed tokens (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`) end in six base62 characters that
 * are the CRC32 of the 30 random characters before them; a typed or truncated token fails this.
 */
export function githubChecksumHolds(token: string): boolean {
  const body = token.slice(token.indexOf('_') + 1);
  if (body.length !== 36) return false;
  return base62(crc32(body.slice(0, 30)), 6) === body.slice(30);
}

/** Decodes base64 or base64url text to a UTF-8 string, or undefined when it is not base64. */
export function decodeBase64(text: string): string | undefined {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return undefined;
  return Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
}

/** Parses a base64url segment as a JSON object (a JWT header or payload), or undefined. */
export function decodeJsonSegment(segment: string): Record<string, unknown> | undefined {
  const text = decodeBase64(segment);
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
