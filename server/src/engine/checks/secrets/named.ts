// Credentials without a format of their own, recognised by the name they are given: a literal
// assigned to a secret-named variable, property or header (`WEBHOOK_SECRET = "…"`,
// `password: '…'`, `"Authorization": "…"`), and a literal written as the fallback of a secret-named
// environment variable (`process.env.ADMIN_TOKEN || 'letmein'`), which is the secret whenever the
// variable is unset and is readable by anyone who reads the code.

import { hasPlaceholderMarks, looksLikePlaceholder, shannonEntropy } from './structure';
import type { RawSecret } from './types';

/** Names that hold credentials, read as `_`-joined lower-case words (`adminPassword` → `admin_password`). */
const SECRET_NAME =
  /secret|(?:^|_)(?:password|passwd|pwd|pass|token|api_?key|apikey|auth_key|private_key|access_key|authorization|credentials?|signing_key|encryption_key|master_key|admin_key|service_key|bearer)(?:_|$)/;
/** Words that say the name holds something else: where it lives, what it is called, public keys. */
const NOT_SECRET_NAME =
  /(?:^|_)(?:public|anon|publishable|url|uri|id|name|path|header|field|type|storage|cookie|expires?|expiry|expiration|ttl|length|endpoint|label|placeholder|prefix|regex|pattern|event|kind|mode|message|error|hint|route|param|reset|forgot|confirm|confirmation|input|min|max|policy|strength|hash|hashed|salt|count|limit|csrf|key_name|visible|show|required|valid|invalid|changed|sent|used)(?:_|$)/;
/** Values public by design or obviously not a credential. */
const PUBLIC_VALUE = /^(?:AIza|pk_(?:live|test)_|sb_publishable_|phc_|G-|UA-|ey)|:\/\/|^\/|\$\{|^Bearer$/;

/** `NAME = "value"`, `NAME: 'value'`, `"NAME": "value"`; an optional auth scheme before the value. */
const ASSIGNED =
  /(?<![\w$])["']?(?<name>[A-Za-z_$][\w$-]{1,60})["']?\s*(?:=|:)\s*["'`](?<scheme>(?:Bearer|Basic|Token)\s+)?(?<value>[^"'`\s\\]{8,200})["'`]/g;
/** `process.env.NAME || '…'`, `Deno.env.get('NAME') ?? '…'`, `import.meta.env.NAME || "…"`. */
const ENV_FALLBACK =
  /(?:process\.env|import\.meta\.env|\benv)(?:\.(?<dotted>[A-Za-z_]\w*)|\[\s*["'](?<indexed>\w+)["']\s*\])|(?:Deno|Netlify)\.env\.get\(\s*["'](?<called>\w+)["']\s*\)/g;
const FALLBACK_LITERAL = /^\s*(?:\|\||\?\?)\s*(["'`])(?<value>[^"'`\n\\]{4,200})\1/;

/**
 * Files where typed credentials are test data by design: tests, seeds, emulator scripts, fixtures,
 * and env templates (`.env.example`), whose values are placeholders for the reader to replace.
 */
export const TEST_DATA_PATH =
  /(^|\/)(tests?|__tests__|spec|e2e|cypress|playwright|fixtures?|mocks?|__mocks__|seeds?|seeders?|emulators?[\w-]*|examples?|demo)(\/|$)|\.(test|spec|stories)\.[\w]+$|seed[\w-]*\.[cm]?[jt]s$|\.(example|sample|template|dist)$/i;

/** Search-only keys meant for browsers: Algolia DocSearch in a docs site's config. */
const PUBLIC_CONTEXT = /algolia|docsearch/i;

/** A secret-named literal that looks typed to be used, not a word or a key name. */
export function namedCredentials(text: string): RawSecret[] {
  const out: RawSecret[] = [];
  for (const m of text.matchAll(ASSIGNED)) {
    const { name, value } = m.groups!;
    if (!isSecretName(name) || !looksLikeCredential(value)) continue;
    if (PUBLIC_CONTEXT.test(text.slice(Math.max(0, m.index! - 300), m.index! + 300))) continue;
    const start = m.index! + m[0].lastIndexOf(value);
    const shown = value.length < 24 ? shortForm(value) : undefined;
    out.push({
      family: 'named-credential',
      label: `credential in '${name}'`,
      start,
      end: start + value.length,
      secret: value,
      shown,
    });
  }
  return out;
}

/** Literal fallbacks of secret-named environment variables. */
export function envFallbacks(text: string): RawSecret[] {
  const out: RawSecret[] = [];
  for (const m of text.matchAll(ENV_FALLBACK)) {
    const name = m.groups!.dotted ?? m.groups!.indexed ?? m.groups!.called;
    if (!name || !isSecretName(name)) continue;
    const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 240);
    const fallback = FALLBACK_LITERAL.exec(after);
    if (!fallback) continue;
    const value = fallback.groups!.value;
    if (PUBLIC_VALUE.test(value) || /^\s|\s$/.test(value)) continue;
    const start = m.index! + m[0].length + fallback.index + fallback[0].lastIndexOf(value);
    out.push({
      family: 'env-fallback',
      label: `fallback value of ${name}`,
      start,
      end: start + value.length,
      secret: value,
      shown: shortForm(value),
    });
  }
  return out;
}

/** `NAME=value` lines of an env file (values unquoted or quoted, `export` allowed). */
const ENV_LINE =
  /^[ \t]*(?:export[ \t]+)?(?<name>[A-Za-z_]\w*)[ \t]*=[ \t]*(?<quote>["']?)(?<value>[^"'\s#]+)\k<quote>[ \t]*(?:#.*)?$/gm;

/** Secret-named settings of an env file whose values look typed to be used (not placeholders). */
export function envFileCredentials(text: string): RawSecret[] {
  const out: RawSecret[] = [];
  for (const m of text.matchAll(ENV_LINE)) {
    const { name, value } = m.groups!;
    if (!isSecretName(name) || !looksLikeCredential(value)) continue;
    const start = m.index! + m[0].lastIndexOf(value);
    const shown = value.length < 24 ? shortForm(value) : undefined;
    out.push({ family: 'named-credential', label: name, start, end: start + value.length, secret: value, shown });
  }
  return out;
}

function isSecretName(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[-$]/g, '_')
    .toLowerCase();
  return SECRET_NAME.test(words) && !NOT_SECRET_NAME.test(words);
}

/**
 * Mixed letters and digits (or high entropy), no words-only spelling (`auth_token`, `x-api-key`),
 * no env-var names (`OPENAI_API_KEY`), nothing dotted (file names, JWTs: those have their own reading).
 */
function looksLikeCredential(value: string): boolean {
  if (PUBLIC_VALUE.test(value) || /[.()]/.test(value) || /^[A-Z0-9_]+$/.test(value) || !/^[\x21-\x7e]+$/.test(value))
    return false;
  if ((value.match(/abc|xyz|123|456|789|qwe/gi) ?? []).length >= 2) return false; // `abc123xyz456`: typed for a doc
  if (hasPlaceholderMarks(value) || /(.)\1{4}/.test(value)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/].filter((re) => re.test(value)).length;
  if (/^[a-z_-]+$/i.test(value) && shannonEntropy(value) < 3.8) return false;
  return (
    classes >= 2 &&
    (value.length >= 10 || classes === 3) &&
    (value.length < 16 || !looksLikePlaceholder(value) || classes === 3)
  );
}

/** Short typed passwords: redact() would show most of them, so only the length is told. */
function shortForm(value: string): string {
  return `${value.length} characters`;
}
