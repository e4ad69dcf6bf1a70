// Conditions of Firebase Security Rules, read as token lists: helper calls are inlined (so
// `if isSignedIn()` is seen as `request.auth != null`), then the condition is classified as always
// true, open until a test-mode date, "signed in and nothing else", or something we leave alone.

import type { RulesFunction } from './rulesLang';

type Tokens = string[];

const TOKEN = /\s+|(\/\/[^\n]*|\/\*[\s\S]*?\*\/)|('(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*")|([A-Za-z_$][\w$]*)|(\d+(?:\.\d+)?)|(&&|\|\||==|!=|<=|>=|.)/gy;
const MAX_INLINE_DEPTH = 6;

export function tokenize(expr: string): Tokens {
  const out: Tokens = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(expr); m && m[0].length > 0; m = TOKEN.exec(expr)) {
    if (m[1] !== undefined || /^\s+$/.test(m[0])) continue;
    out.push(m[0]);
  }
  return out;
}

/** The condition's tokens with calls to the file's own functions replaced by their bodies. */
export function expand(tokens: Tokens, functions: Map<string, RulesFunction>, depth = 0): Tokens {
  if (depth >= MAX_INLINE_DEPTH) return tokens;
  const out: Tokens = [];
  for (let i = 0; i < tokens.length; i++) {
    const fn = functions.get(tokens[i]);
    if (!fn || tokens[i + 1] !== '(' || tokens[i - 1] === '.') {
      out.push(tokens[i]);
      continue;
    }
    const close = matching(tokens, i + 1);
    const args = splitTop(tokens.slice(i + 2, close), ',');
    const body = tokenize(fn.returns).flatMap((t, k, all) => {
      const p = fn.params.indexOf(t);
      return p >= 0 && all[k - 1] !== '.' ? ['(', ...(args[p] ?? []), ')'] : [t];
    });
    out.push('(', ...expand(body, functions, depth + 1), ')');
    i = close;
  }
  return out;
}

export type OpenKind = 'always' | 'until-date';

/** Does the condition admit every request (or every request until a test-mode date)? */
export function openKind(tokens: Tokens): OpenKind | undefined {
  const t = unwrap(tokens);
  const ors = splitTop(t, '||');
  if (ors.length > 1) {
    const kinds = ors.map(openKind);
    return kinds.includes('always') ? 'always' : kinds.find((k) => k !== undefined);
  }
  const ands = splitTop(t, '&&');
  if (ands.length > 1) {
    const kinds = ands.map(openKind);
    if (kinds.some((k) => k === undefined)) return undefined;
    return kinds.includes('until-date') ? 'until-date' : 'always';
  }
  const text = t.join('');
  if (text === 'true' || text === '!false' || text === '1==1') return 'always';
  // The console's "test mode": `request.time < timestamp.date(2025, 1, 31)`.
  if (/^request\.time<=?timestamp\.date\([\d,]*\)$/.test(text)) return 'until-date';
  return undefined;
}

const AUTH_TESTS = new Set(['request.auth!=null', 'null!=request.auth', 'request.auth.uid!=null', 'null!=request.auth.uid']);

/** Is the condition nothing more than "the caller is signed in"? */
export function onlyChecksSignIn(tokens: Tokens): boolean {
  // A helper whose body is `return true` (a permission check never written) adds nothing.
  const ands = splitTop(unwrap(tokens), '&&').filter((part) => openKind(part) !== 'always');
  return ands.length > 0 && ands.every((part) => AUTH_TESTS.has(unwrap(part).join('')));
}

/** Does the condition name this identifier (not as a property after a dot)? */
export function mentions(tokens: Tokens, name: string): boolean {
  return tokens.some((t, i) => t === name && tokens[i - 1] !== '.');
}

function unwrap(tokens: Tokens): Tokens {
  let t = tokens;
  while (t.length >= 2 && t[0] === '(' && matching(t, 0) === t.length - 1) t = t.slice(1, -1);
  return t;
}

/** Index of the bracket closing the one at `open` (or the last index if unbalanced). */
function matching(tokens: Tokens, open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (tokens[i] === '(' || tokens[i] === '[' || tokens[i] === '{') depth++;
    else if (tokens[i] === ')' || tokens[i] === ']' || tokens[i] === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return tokens.length - 1;
}

function splitTop(tokens: Tokens, sep: string): Tokens[] {
  const parts: Tokens[] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (t === '(' || t === '[' || t === '{') depth++;
    else if (t === ')' || t === ']' || t === '}') depth--;
    if (depth === 0 && t === sep) parts.push([]);
    else parts[parts.length - 1].push(t);
  }
  return parts.filter((p) => p.length > 0);
}
