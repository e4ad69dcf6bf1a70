// Walking one SQL statement's tokens: keywords in sequence, (qualified) identifiers, parenthesised
// groups and top-level comma lists. Shared by the migration reader and the bucket parser.

import { isSym, isWord, SqlToken } from './sqlLex';

export interface QName {
  schema: string;
  name: string;
  end: number;
}

/** `schema.name`, the key tables and functions are tracked by. */
export const qualified = (q: { schema: string; name: string }): string => `${q.schema}.${q.name}`;

/** A position in one statement's tokens. */
export class Cursor {
  constructor(readonly tokens: SqlToken[], public i = 0) {}

  get tok(): SqlToken | undefined {
    return this.tokens[this.i];
  }

  /** Consumes the words in sequence if they are all there. */
  accept(...words: string[]): boolean {
    if (!words.every((w, k) => isWord(this.tokens[this.i + k], w))) return false;
    this.i += words.length;
    return true;
  }

  acceptAny(...words: string[]): string | undefined {
    const t = this.tok;
    if (!isWord(t, ...words)) return undefined;
    this.i++;
    return t!.value;
  }

  acceptSym(sym: string): boolean {
    if (!isSym(this.tok, sym)) return false;
    this.i++;
    return true;
  }

  /** An identifier: a word or a "quoted identifier". */
  ident(): SqlToken | undefined {
    const t = this.tok;
    if (!t || (t.kind !== 'word' && t.kind !== 'ident')) return undefined;
    this.i++;
    return t;
  }

  /** `name` or `schema.name`; unqualified names land in `public`. */
  qname(): QName | undefined {
    const first = this.ident();
    if (!first) return undefined;
    if (!this.acceptSym('.')) return { schema: 'public', name: first.value, end: first.end };
    const second = this.ident();
    return second ? { schema: first.value, name: second.value, end: second.end } : undefined;
  }

  /** The tokens inside a parenthesised group at the cursor, which is moved past it. */
  parens(): SqlToken[] | undefined {
    if (!isSym(this.tok, '(')) return undefined;
    let depth = 0;
    for (let k = this.i; k < this.tokens.length; k++) {
      if (isSym(this.tokens[k], '(')) depth++;
      else if (isSym(this.tokens[k], ')') && --depth === 0) {
        const inner = this.tokens.slice(this.i + 1, k);
        this.i = k + 1;
        return inner;
      }
    }
    const inner = this.tokens.slice(this.i + 1);
    this.i = this.tokens.length;
    return inner;
  }

  /** The remaining tokens split at top-level commas. */
  commaList(tokens = this.tokens.slice(this.i)): SqlToken[][] {
    return splitTopLevel(tokens, ',');
  }
}

export function splitTopLevel(tokens: SqlToken[], sep: string): SqlToken[][] {
  const parts: SqlToken[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (isSym(t, '(')) depth++;
    else if (isSym(t, ')')) depth--;
    if (depth === 0 && isSym(t, sep)) parts.push([]);
    else parts[parts.length - 1].push(t);
  }
  return parts;
}

/** `true`, `'true'`, `'t'`, `(true)`: a literal that PostgreSQL reads as boolean true. */
export function isTrue(tokens: SqlToken[] | undefined): boolean {
  const t = stripParens(tokens ?? []);
  if (t.length !== 1) return false;
  return isWord(t[0], 'true') || (t[0].kind === 'string' && /^(t|true|y|yes|on|1)$/i.test(t[0].value.trim()));
}

export function stripParens(tokens: SqlToken[]): SqlToken[] {
  let t = tokens;
  while (t.length >= 2 && isSym(t[0], '(') && isSym(t[t.length - 1], ')') && closesAtEnd(t)) t = t.slice(1, -1);
  return t;
}

function closesAtEnd(t: SqlToken[]): boolean {
  let depth = 0;
  for (let k = 0; k < t.length; k++) {
    if (isSym(t[k], '(')) depth++;
    else if (isSym(t[k], ')') && --depth === 0) return k === t.length - 1;
  }
  return false;
}
