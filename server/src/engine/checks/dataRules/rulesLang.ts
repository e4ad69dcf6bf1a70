// A small reader for the Firebase Security Rules language (firestore.rules, storage.rules): enough of
// its structure to know, for every `allow` statement, which methods it grants, under which condition,
// on which (nested) match path, and which helper functions the conditions may call. Nothing is
// evaluated; unknown constructs are skipped so that a file we only half understand still yields its
// `allow` statements.

export interface PathSegment {
  text: string;
  /** The variable a `{name}` or `{name=**}` segment binds. */
  wildcard?: string;
}

export interface AllowStatement {
  service: string;
  methods: string[];
  /** The expression after `if`; absent for `allow read;`. */
  condition?: string;
  /** Span of the whole statement, from `allow` to its `;`. */
  start: number;
  end: number;
  /** Segments of every enclosing match, outermost first. */
  path: PathSegment[];
}

export interface RulesFunction {
  params: string[];
  /** The returned expression with the body's `let` bindings substituted. */
  returns: string;
}

export interface RulesFile {
  allows: AllowStatement[];
  functions: Map<string, RulesFunction>;
}

const WORD = /[A-Za-z_][\w.]*/y;

export function parseRules(text: string): RulesFile {
  const reader = new Reader(text);
  const out: RulesFile = { allows: [], functions: new Map() };
  reader.block(out, '', [], false);
  return out;
}

class Reader {
  pos = 0;
  constructor(private readonly text: string) {}

  /** Reads statements until the closing `}` of the current block (or the end of the file). */
  block(out: RulesFile, service: string, path: PathSegment[], nested: boolean): void {
    for (;;) {
      this.skipTrivia();
      if (this.pos >= this.text.length) return;
      const ch = this.text[this.pos];
      if (ch === '}') {
        this.pos++;
        if (nested) return;
        continue;
      }
      const start = this.pos;
      const word = this.word();
      if (word === 'service') this.service(out);
      else if (word === 'match') this.match(out, service, path);
      else if (word === 'function') this.func(out);
      else if (word === 'allow') this.allow(out, service, path, start);
      else this.skipStatement(word === undefined);
    }
  }

  private service(out: RulesFile): void {
    this.skipTrivia();
    const name = this.word() ?? '';
    if (this.expect('{')) this.block(out, name, [], true);
  }

  private match(out: RulesFile, service: string, path: PathSegment[]): void {
    this.skipTrivia();
    const segments = this.path();
    if (this.expect('{')) this.block(out, service, [...path, ...segments], true);
  }

  /** `function name(a, b) { let x = …; return …; }` */
  private func(out: RulesFile): void {
    this.skipTrivia();
    const name = this.word();
    if (!name || !this.expect('(')) return this.skipStatement(false);
    const paramsEnd = this.scanBalanced(')', this.pos);
    const params = this.text.slice(this.pos, paramsEnd).split(',').map((p) => p.trim()).filter(Boolean);
    this.pos = Math.min(paramsEnd + 1, this.text.length);
    if (!this.expect('{')) return;
    const bodyEnd = this.scanBalanced('}', this.pos);
    const returns = returnedExpression(stripComments(this.text.slice(this.pos, bodyEnd)));
    this.pos = Math.min(bodyEnd + 1, this.text.length);
    if (returns !== undefined) out.functions.set(name, { params, returns });
  }

  /** `allow read, write: if <expr>;` or `allow read;` */
  private allow(out: RulesFile, service: string, path: PathSegment[], start: number): void {
    const headEnd = this.scanBalanced(':;}', this.pos);
    const methods = this.text.slice(this.pos, headEnd).split(',').map((m) => m.trim()).filter(Boolean);
    this.pos = headEnd;
    let condition: string | undefined;
    if (this.text[this.pos] === ':') {
      this.pos++;
      const end = this.scanBalanced(';}', this.pos);
      condition = stripComments(this.text.slice(this.pos, end)).trim().replace(/^if\b/, '').trim();
      this.pos = end;
    }
    if (this.text[this.pos] === ';') this.pos++;
    out.allows.push({ service, methods, condition, start, end: this.pos, path });
  }

  /** A match path: `/users/{userId}/posts/{post=**}`, written without spaces. */
  private path(): PathSegment[] {
    const segments: PathSegment[] = [];
    while (this.text[this.pos] === '/') {
      this.pos++;
      let text = '';
      if (this.text[this.pos] === '{') {
        const close = this.text.indexOf('}', this.pos);
        if (close < 0) break;
        text = this.text.slice(this.pos, close + 1);
        this.pos = close + 1;
        segments.push({ text, wildcard: text.slice(1, -1).split('=')[0].trim() });
        continue;
      }
      const m = /[^\s/{]*/y;
      m.lastIndex = this.pos;
      text = m.exec(this.text)?.[0] ?? '';
      this.pos += text.length;
      segments.push({ text });
    }
    return segments;
  }

  private word(): string | undefined {
    WORD.lastIndex = this.pos;
    const m = WORD.exec(this.text);
    if (!m) return undefined;
    this.pos += m[0].length;
    return m[0];
  }

  private expect(ch: string): boolean {
    this.skipTrivia();
    if (this.text[this.pos] !== ch) return false;
    this.pos++;
    return true;
  }

  /** Recovery for anything we do not model (`rules_version = '2';`, stray tokens). */
  private skipStatement(noWord: boolean): void {
    const end = this.scanBalanced(';{}', this.pos);
    if (this.text[end] === '{') {
      this.pos = Math.min(this.scanBalanced('}', end + 1) + 1, this.text.length);
      return;
    }
    this.pos = this.text[end] === ';' ? end + 1 : end;
    if (noWord && this.pos === end && this.text[end] !== '}') this.pos++;
  }

  skipTrivia(): void {
    this.pos = skipTrivia(this.text, this.pos);
  }

  /** First index at or after `from` holding one of `stops` outside strings, comments and brackets. */
  private scanBalanced(stops: string, from: number): number {
    return scanBalanced(this.text, stops, from);
  }
}

function skipTrivia(text: string, pos: number): number {
  for (;;) {
    while (pos < text.length && /\s/.test(text[pos])) pos++;
    if (text.startsWith('//', pos)) {
      const nl = text.indexOf('\n', pos);
      pos = nl < 0 ? text.length : nl + 1;
    } else if (text.startsWith('/*', pos)) {
      const close = text.indexOf('*/', pos + 2);
      pos = close < 0 ? text.length : close + 2;
    } else {
      return pos;
    }
  }
}

export function scanBalanced(text: string, stops: string, from: number): number {
  let depth = 0;
  let i = from;
  while (i < text.length) {
    const ch = text[i];
    if (depth === 0 && stops.includes(ch)) return i;
    if (ch === '"' || ch === "'") {
      i = stringEnd(text, i);
      continue;
    }
    if (ch === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      i = skipTrivia(text, i);
      continue;
    }
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if ((ch === ')' || ch === ']' || ch === '}') && depth > 0) depth--;
    i++;
  }
  return text.length;
}

function stringEnd(text: string, start: number): number {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length && text[i] !== quote && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
  return Math.min(i + 1, text.length);
}

/** Comments removed, strings kept (a `//` inside a string is not a comment). */
function stripComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      const end = stringEnd(text, i);
      out += text.slice(i, end);
      i = end;
    } else if (ch === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      const next = skipTrivia(text, i);
      out += ' ';
      i = next;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** The `return` expression of a function body, with earlier `let x = …;` bindings inlined. */
function returnedExpression(body: string): string | undefined {
  const lets: [string, string][] = [];
  let pos = 0;
  while (pos < body.length) {
    const end = scanBalanced(body, ';', pos);
    const statement = body.slice(pos, end).trim();
    pos = end + 1;
    const bound = /^let\s+([A-Za-z_]\w*)\s*=\s*([\s\S]+)$/.exec(statement);
    if (bound) lets.push([bound[1], bound[2]]);
    const ret = /^return\s+([\s\S]+)$/.exec(statement);
    if (ret) {
      let expr = ret[1];
      for (const [name, value] of lets.reverse()) expr = expr.replace(new RegExp(`(?<![\\w.])${name}(?!\\w)`, 'g'), `(${value})`);
      return expr;
    }
  }
  return undefined;
}
