// The symbol that encloses a line ("DealDetail › handleSave", `match /users/{userId}`,
// `create policy "owners read"`), from the text alone: one pass over the lines with an indentation
// stack, so it costs the same for every file kind and never needs a parse. Baseline fingerprints use
// it so that an accepted finding keeps its identity when code above it moves, and two identical
// lines in different functions stay apart.

const MAX_DEPTH = 4;
const MAX_LENGTH = 120;
const NOT_NAMES = new Set(['if', 'for', 'while', 'switch', 'catch', 'function', 'return', 'with', 'else', 'do', 'try', 'await', 'typeof', 'new']);

const DECLARATIONS: RegExp[] = [
  /^\s*(?:export\s+)?(?:default\s+)?(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)/,
  /^\s*(?:export\s+)?(?:default\s+)?(?:abstract\s+)?class\s+([A-Za-z_$][\w$]*)/,
  /^\s*(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=/,
  /^\s*([A-Za-z_$][\w$]*)\s*:\s*(?:async\s*)?(?:function\b|\([^)]*\)\s*=>|[A-Za-z_$][\w$]*\s*=>)/,
  /^\s*(?:(?:public|private|protected|static|async|get|set|override)\s+)*([A-Za-z_$][\w$]*)\s*(?:<[^>]*>)?\s*\([^)]*\)\s*(?::[^{]*)?\{\s*$/,
  /^\s*([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\(\s*(?:async\s*)?(?:\([^)]*\)|[A-Za-z_$][\w$]*)\s*=>/,
];
const RULES_MATCH = /^\s*match\s+(\S+)/;
const TOML_SECTION = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$/;

interface Level {
  indent: number;
  name?: string;
}

/** Enclosing symbol per wanted 1-based line ('' at top level). */
export function enclosingSymbols(file: string, text: string, wanted: Iterable<number>): Map<number, string> {
  const want = new Set(wanted);
  const out = new Map<number, string>();
  if (want.size === 0) return out;
  let last = 0;
  for (const line of want) if (line > last) last = line; // (spreading 200,000 lines into Math.max throws)
  const lines = text.split('\n', last);
  const sql = /\.sql$/i.test(file);
  const toml = /\.toml$/i.test(file);
  const stack: Level[] = [];
  let statement: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    const trimmed = line.trim();
    if (sql) {
      if (trimmed && !trimmed.startsWith('--') && statement === undefined) statement = sqlHeader(trimmed);
      if (want.has(i + 1)) out.set(i + 1, statement ?? '');
      if (/;\s*(--.*)?$/.test(trimmed)) statement = undefined;
      continue;
    }
    const section = toml ? TOML_SECTION.exec(line) : null;
    if (section) {
      stack.length = 0;
      stack.push({ indent: -1, name: `[${section[1]}]` });
    }
    // A line that starts by closing a bracket (`) {`, `});`) continues or ends the block at its own
    // indentation: it must not replace that block's entry, or a multi-line signature loses its name.
    const closer = /^[)\]}]/.test(trimmed);
    if (trimmed && !section) {
      const indent = indentation(line);
      while (stack.length > 0 && (closer ? stack[stack.length - 1].indent > indent : stack[stack.length - 1].indent >= indent)) stack.pop();
    }
    if (want.has(i + 1)) out.set(i + 1, pathOf(stack));
    if (trimmed && !section && !closer) stack.push({ indent: indentation(line), name: declaredName(line) });
  }
  return out;
}

function pathOf(stack: Level[]): string {
  const names = stack.filter((l) => l.name).map((l) => l.name!);
  return names.slice(-MAX_DEPTH).join(' › ').slice(0, MAX_LENGTH);
}

function declaredName(line: string): string | undefined {
  // Only a line that opens a block can name one; most lines are skipped before any pattern runs.
  if (!/(?:[{([]|=>)\s*(?:\/\/.*)?$/.test(line)) return undefined;
  const rules = RULES_MATCH.exec(line);
  if (rules) return `match ${rules[1]}`;
  for (const re of DECLARATIONS) {
    const m = re.exec(line);
    if (m && !NOT_NAMES.has(m[1])) return m[1];
  }
  return undefined;
}

/**
 * The first words of a SQL statement: `create policy "owners read" on public.notes`. Only
 * identifier-like words, up to the first literal, so a value in the statement never becomes a name.
 */
function sqlHeader(firstLine: string): string {
  const words: string[] = [];
  for (const raw of firstLine.split(/\s+/)) {
    const word = raw.replace(/[(;,]+$/, '');
    if (words.length === 8 || !/^[A-Za-z_"][\w."$-]{0,39}$/.test(word)) break;
    words.push(word.toLowerCase());
  }
  return words.join(' ');
}

function indentation(line: string): number {
  let n = 0;
  for (const ch of line) {
    if (ch === ' ') n += 1;
    else if (ch === '\t') n += 4;
    else break;
  }
  return n;
}

/** A snippet as fingerprints compare it: whitespace collapsed, quotes unified, trailing ; and , dropped. */
export function normaliseSnippet(snippet: string): string {
  return snippet
    .replace(/\s+/g, ' ')
    .replace(/["`]/g, "'")
    .replace(/[;,]\s*$/, '')
    .trim();
}
