// A minimal PostgreSQL lexer and statement splitter for migration files. It knows what can hide a
// semicolon or a keyword — `--` and nested `/* */` comments, 'strings' (with '' and E'\'' escapes),
// "quoted identifiers" and $tag$ dollar-quoted bodies — and nothing about the grammar beyond that.

export type SqlTokenKind = 'word' | 'ident' | 'string' | 'body' | 'number' | 'op' | 'punct';

export interface SqlToken {
  kind: SqlTokenKind;
  /** Words lowercased; quoted identifiers and strings unquoted; bodies as written. */
  value: string;
  start: number;
  end: number;
}

export interface SqlStatement {
  tokens: SqlToken[];
  /** From the first token to the end of the last one (comments before it excluded). */
  start: number;
  end: number;
}

const OP_CHARS = '+-*/<>=~!@#%^&|`?:';

export function splitSql(text: string): SqlStatement[] {
  const statements: SqlStatement[] = [];
  let current: SqlToken[] = [];
  const flush = () => {
    if (current.length > 0) statements.push({ tokens: current, start: current[0].start, end: current[current.length - 1].end });
    current = [];
  };
  for (const token of lexSql(text)) {
    if (token.kind === 'punct' && token.value === ';') flush();
    else current.push(token);
  }
  flush();
  return statements;
}

export function lexSql(text: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    const next = text[i + 1];
    if (/\s/.test(ch)) i++;
    else if (ch === '-' && next === '-') i = lineEnd(text, i);
    else if (ch === '/' && next === '*') i = blockCommentEnd(text, i);
    else if (ch === "'" || ((ch === 'E' || ch === 'e') && next === "'")) i = pushString(text, i, tokens);
    else if (ch === '"') i = pushQuotedIdent(text, i, tokens);
    else if (ch === '$' && dollarTag(text, i) !== undefined) i = pushBody(text, i, tokens);
    else if (/[A-Za-z_\u0080-\uffff]/.test(ch)) i = pushWord(text, i, tokens);
    else if (/\d/.test(ch)) i = push(tokens, 'number', text, i, /\d+(\.\d+)?/y);
    else if (OP_CHARS.includes(ch)) i = push(tokens, 'op', text, i, /[+\-*/<>=~!@#%^&|`?:]+/y);
    else {
      tokens.push({ kind: 'punct', value: ch, start: i, end: i + 1 });
      i++;
    }
  }
  return tokens;
}

function push(tokens: SqlToken[], kind: SqlTokenKind, text: string, i: number, re: RegExp): number {
  re.lastIndex = i;
  const m = re.exec(text);
  const value = m ? m[0] : text[i];
  tokens.push({ kind, value, start: i, end: i + value.length });
  return i + value.length;
}

function pushWord(text: string, i: number, tokens: SqlToken[]): number {
  const re = /[A-Za-z_\u0080-\uffff][\w$\u0080-\uffff]*/y;
  re.lastIndex = i;
  const word = re.exec(text)![0];
  tokens.push({ kind: 'word', value: word.toLowerCase(), start: i, end: i + word.length });
  return i + word.length;
}

function lineEnd(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  return nl < 0 ? text.length : nl + 1;
}

/** PostgreSQL block comments nest. */
function blockCommentEnd(text: string, i: number): number {
  let depth = 0;
  while (i < text.length) {
    if (text.startsWith('/*', i)) {
      depth++;
      i += 2;
    } else if (text.startsWith('*/', i)) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else i++;
  }
  return text.length;
}

function pushString(text: string, start: number, tokens: SqlToken[]): number {
  const escapes = text[start] !== "'";
  let i = escapes ? start + 2 : start + 1;
  let value = '';
  while (i < text.length) {
    const ch = text[i];
    if (escapes && ch === '\\') {
      value += text[i + 1] ?? '';
      i += 2;
    } else if (ch === "'" && text[i + 1] === "'") {
      value += "'";
      i += 2;
    } else if (ch === "'") {
      i++;
      break;
    } else {
      value += ch;
      i++;
    }
  }
  tokens.push({ kind: 'string', value, start, end: i });
  return i;
}

function pushQuotedIdent(text: string, start: number, tokens: SqlToken[]): number {
  let i = start + 1;
  let value = '';
  while (i < text.length) {
    if (text[i] === '"' && text[i + 1] === '"') {
      value += '"';
      i += 2;
    } else if (text[i] === '"') {
      i++;
      break;
    } else value += text[i++];
  }
  tokens.push({ kind: 'ident', value, start, end: i });
  return i;
}

/** `$$` or `$tag$` at i (not `$1`, a positional parameter). */
function dollarTag(text: string, i: number): string | undefined {
  const m = /\$([A-Za-z_][\w]*)?\$/y;
  m.lastIndex = i;
  return m.exec(text)?.[0];
}

function pushBody(text: string, start: number, tokens: SqlToken[]): number {
  const tag = dollarTag(text, start)!;
  const close = text.indexOf(tag, start + tag.length);
  const end = close < 0 ? text.length : close + tag.length;
  tokens.push({ kind: 'body', value: text.slice(start + tag.length, close < 0 ? end : close), start, end });
  return end;
}

/** Is the token this keyword (unquoted)? */
export function isWord(token: SqlToken | undefined, ...words: string[]): boolean {
  return token !== undefined && token.kind === 'word' && words.includes(token.value);
}

/** Is the token this punctuation or operator? */
export function isSym(token: SqlToken | undefined, sym: string): boolean {
  return token !== undefined && (token.kind === 'punct' || token.kind === 'op') && token.value === sym;
}
