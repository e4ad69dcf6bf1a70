// Every secret in one file's text, each named once. Detectors run from the most structured (a
// service-account object, a PEM block, a JWT whose claims are read) to plain prefixes, and a later
// match inside an earlier one is dropped, so a service account's key is not also a "PEM key".

import { AWS_SECRET_BY_NAME, TOKEN_DETECTORS, TokenDetector } from './detectors';
import { DATABASE_SCHEMES, databaseUrls } from './connectionStrings';
import { classifyJwt, JWT_PATTERN } from './jwt';
import { pemKeys, SERVICE_ACCOUNT_WORDS, serviceAccountKeys } from './keys';
import { envFallbacks, namedCredentials } from './named';
import { hasPlaceholderMarks, looksLikePlaceholder } from './structure';
import type { RawSecret } from './types';
import { Literal, LiteralScan } from '../../util/literalScan';

/** Keys printed in provider documentation; they are public and revoked, so flagging them is noise. */
const DOCUMENTED_KEYS = new Set(['sk_test_4eC39HqLyjWDarjtT1zdp7dc', 'sk_test_BQokikJOvBiI2HlWgH4olfQ2', 'sk_test_26PHem9AhJZvU623DfE1x4sd']);

/** How far around a match a `near` word is looked for (a few lines of config). */
const NEAR_WINDOW = 300;

let cache: { text: string; secrets: RawSecret[] } | undefined;

/**
 * The secrets in a text, sorted by position. Several rules run the same scan over one file in a
 * row, so the last result is kept.
 */
export function findSecrets(text: string, literals?: ReadonlySet<Literal>): RawSecret[] {
  if (cache?.text === text) return cache.secrets;
  const found = literals ?? (ownScan ??= new LiteralScan(SECRET_HINTS)).find(text);
  const accepted: RawSecret[] = [];
  const add = (found: RawSecret[]) => {
    for (const s of found) if (!accepted.some((a) => s.start < a.end && a.start < s.end)) accepted.push(s);
  };
  const holds = (hints: Literal[]) => hints.some((h) => found.has(h));
  if (holds(SERVICE_ACCOUNT_HINTS)) add(serviceAccountKeys(text));
  if (holds(PEM_HINTS)) add(pemKeys(text));
  if (holds(JWT_HINTS)) add(privilegedJwts(text));
  if (holds(DATABASE_URL_HINTS)) add(databaseUrls(text));
  for (const detector of candidateDetectors(text, found)) add(tokenMatches(text, detector));
  if (holds(AWS_SECRET_HINTS)) add(awsSecretKeys(text));
  // Last: a name or a fallback position says less than a format, so a known key there keeps its own family.
  if (holds(NAMED_HINTS)) add(namedCredentials(text));
  if (holds(FALLBACK_HINTS)) add(envFallbacks(text));
  pairAwsKeys(accepted);
  add(repeats(text, accepted));
  accepted.sort((a, b) => a.start - b.start);
  cache = { text, secrets: accepted };
  return accepted;
}

function privilegedJwts(text: string): RawSecret[] {
  const out: RawSecret[] = [];
  for (const m of text.matchAll(JWT_PATTERN)) {
    const verdict = classifyJwt(m[1], m[2], m[3]);
    if (verdict.privilegedRole) out.push({ family: 'supabase-secret', label: `${verdict.privilegedRole} JWT`, start: m.index!, end: m.index! + m[0].length, secret: m[0] });
    else if (verdict.bearer) out.push({ family: 'jwt', label: verdict.bearer, start: m.index!, end: m.index! + m[0].length, secret: m[0] });
  }
  return out;
}

/**
 * Literal texts one of which every match of a detector contains: its `hints`, or the fixed text its
 * pattern starts with (`sk-ant-`, `github_pat_`), or none (then only `near` can rule a file out).
 */
function hintsOf(detector: TokenDetector): string[] {
  if (detector.hints) return detector.hints;
  const source = detector.pattern.source.replace(/^\(\?<!(?:[^()]|\([^()]*\))*\)/, '');
  const lead = detector.pattern.flags.includes('i') ? '' : (/^(?:[A-Za-z0-9_:/@=-]|\\[-/])+/.exec(source)?.[0] ?? '').replace(/\\/g, '');
  return lead.length >= 3 ? [lead] : [];
}

const HINTS = new Map(TOKEN_DETECTORS.map((d) => [d, hintsOf(d)]));
const LITERAL_OF = new Map([...new Set([...HINTS.values()].flat())].map((hint) => [hint, { text: hint }]));
/** A JWT's claims part follows a dot and starts `ey` or `ew` (base64 of `{"` and `{\n`). */
const JWT_HINTS: Literal[] = [{ text: '.ey' }, { text: '.ew' }];
const SERVICE_ACCOUNT_HINTS: Literal[] = SERVICE_ACCOUNT_WORDS.map((text) => ({ text }));
const PEM_HINTS: Literal[] = [{ text: '-----BEGIN ' }];
/** Every name AWS_SECRET_BY_NAME accepts says `secret`, in any case. */
const AWS_SECRET_HINTS: Literal[] = [{ text: 'secret', caseInsensitive: true }];
const DATABASE_URL_HINTS: Literal[] = DATABASE_SCHEMES.map((text) => ({ text, caseInsensitive: true }));
/** Every name namedCredentials accepts holds one of these words. */
const NAMED_HINTS: Literal[] = ['secret', 'pass', 'pwd', 'token', 'key', 'authorization', 'credential'].map((text) => ({ text, caseInsensitive: true }));
const FALLBACK_HINTS: Literal[] = [{ text: '||' }, { text: '??' }];
/** Every detector's hints, for the engine's one pass over a file (RuleIndex.literalsIn). */
export const SECRET_HINTS: readonly Literal[] = [
  ...LITERAL_OF.values(), ...JWT_HINTS, ...SERVICE_ACCOUNT_HINTS, ...PEM_HINTS, ...AWS_SECRET_HINTS, ...DATABASE_URL_HINTS,
  ...NAMED_HINTS, ...FALLBACK_HINTS,
];
/** For each detector, the hints whose presence lets it run. */
const GATES = new Map([...HINTS].map(([d, hints]) => [d, hints.map((h) => LITERAL_OF.get(h)!)]));
/** For texts the engine has not already looked through (tests, other callers). */
let ownScan: LiteralScan | undefined;

/** The detectors that could match somewhere in this text. */
function candidateDetectors(text: string, found: ReadonlySet<Literal>): TokenDetector[] {
  return TOKEN_DETECTORS.filter((d) => {
    const gates = GATES.get(d)!;
    if (gates.length > 0) return gates.some((g) => found.has(g));
    return !d.near || d.near.test(text); // the word must be near a match, so in the text at all
  });
}

function tokenMatches(text: string, detector: TokenDetector): RawSecret[] {
  const out: RawSecret[] = [];
  for (const m of text.matchAll(detector.pattern)) {
    const body = m.groups?.body ?? m[0];
    // A named key's match begins with its variable name; the secret is the body at the end.
    const start = detector.named ? m.index! + m[0].lastIndexOf(body) : m.index!;
    const tokenText = detector.named ? body : m[0];
    if (DOCUMENTED_KEYS.has(tokenText)) continue;
    if (detector.structured ? hasPlaceholderMarks(body) : looksLikePlaceholder(body)) continue;
    if (detector.valid && !detector.valid(tokenText)) continue;
    if (detector.near && !detector.near.test(surroundings(text, start, start + tokenText.length, detector.nearScope))) continue;
    const label = typeof detector.label === 'string' ? detector.label : detector.label(tokenText);
    out.push({ family: detector.family, label, start, end: start + tokenText.length, secret: tokenText });
  }
  return out;
}

/** The text a detector's `near` word is looked for in. */
function surroundings(text: string, start: number, end: number, scope: 'window' | 'line' = 'window'): string {
  if (scope === 'window') return text.slice(Math.max(0, start - NEAR_WINDOW), end + NEAR_WINDOW);
  const lineStart = text.lastIndexOf('\n', start - 1);
  const previousLineStart = lineStart > 0 ? text.lastIndexOf('\n', lineStart - 1) : -1;
  const lineEnd = text.indexOf('\n', end);
  return text.slice(previousLineStart + 1, lineEnd < 0 ? text.length : lineEnd);
}

function awsSecretKeys(text: string): RawSecret[] {
  const out: RawSecret[] = [];
  for (const m of text.matchAll(AWS_SECRET_BY_NAME)) {
    const body = m.groups!.body;
    if (looksLikePlaceholder(body)) continue;
    const start = m.index! + m[0].length - body.length;
    out.push({ family: 'aws', label: 'AWS secret access key', start, end: start + body.length, secret: body });
  }
  return out;
}

/**
 * Other places in the file where a found secret is spelled out again, most often a comment that
 * documents it (`// send header x-admin-secret: <the password>`): each is a leak of its own.
 */
function repeats(text: string, secrets: RawSecret[]): RawSecret[] {
  const out: RawSecret[] = [];
  for (const s of secrets) {
    // Only secrets known by their name: a format's match can be part of a larger structure it repeats.
    if (s.secret.length < 8 || (s.family !== 'named-credential' && s.family !== 'env-fallback')) continue;
    for (let at = text.indexOf(s.secret); at >= 0; at = text.indexOf(s.secret, at + s.secret.length)) {
      if (at === s.start || !isWholeToken(text, at, at + s.secret.length)) continue;
      out.push({ ...s, label: `${s.label}, written out again`, start: at, end: at + s.secret.length });
    }
  }
  return out;
}

/** Not part of a longer word (a short password inside an unrelated identifier). */
function isWholeToken(text: string, start: number, end: number): boolean {
  return !/[\w$]/.test(text[start - 1] ?? '') && !/[\w$]/.test(text[end] ?? '');
}

/** An access key id is half a credential; say so when the other half sits in the same file. */
function pairAwsKeys(secrets: RawSecret[]): void {
  if (!secrets.some((s) => s.label === 'AWS secret access key')) return;
  for (const s of secrets) if (s.label === 'AWS access key id') s.label = 'AWS access key id (its secret access key is in this file too)';
}
