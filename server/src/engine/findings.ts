// Raw hits become findings: 1-based positions, the message filled in, a fingerprint that survives
// unrelated edits (rule + file + the flagged line's normalised text + its occurrence number), and a
// content fingerprint for baselines (rule + the flagged code's normalised text + its enclosing
// symbol: no file, no line, so accepted findings stay accepted when code moves or a file is renamed).

import * as crypto from 'node:crypto';
import { normaliseSnippet } from './baseline/outline';
import { outlineLines } from './baseline/outlineReuse';
import type { CompiledRule } from './rules/model';
import { FindingsMemo, MadeFinding } from './findingsMemo';
import type { Finding, RawHit } from './types';

const PLACEHOLDER = /\{\{\s*([\w$]+)\s*\}\}/g;

export class LineMap {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  /** 1-based line and column of a character offset. */
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }

  /** Offset of a 1-based line's first character. */
  startOf(line: number): number {
    return this.starts[line - 1] ?? 0;
  }

  /** Offset just past a 1-based line's last character (its newline, or the end of the text). */
  endOf(line: number): number {
    const next = this.starts[line];
    return next === undefined ? this.text.length : next - 1;
  }

  /** Lines as `text.split('\n')` counts them (a trailing newline adds an empty last one). */
  get splitCount(): number {
    return this.starts.length;
  }

  /** Lines of the text (a last line without a newline counts; a trailing newline does not add one). */
  get lineCount(): number {
    const n = this.starts.length;
    return n > 1 && this.starts[n - 1] === this.text.length ? n - 1 : n;
  }

  lineText(line: number): string {
    const start = this.starts[line - 1] ?? 0;
    let end = this.starts[line] ?? this.text.length;
    // By hand, not a regex: a minified file is one long line, read once per finding.
    if (end > start && this.text.charCodeAt(end - 1) === 10) {
      end--;
      if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    }
    return this.text.slice(start, end);
  }
}

/**
 * Fills `{{var}}` placeholders ('…' when a value is missing). A segment in `[[…]]` is kept only
 * when every placeholder inside it has a value: "Firestore call[[ on '{{arg1}}']]".
 */
export function fillMessage(template: string, vars: Record<string, string> | undefined): string {
  const optional = template.replace(/\[\[(.*?)\]\]/g, (_, inner: string) =>
    [...inner.matchAll(PLACEHOLDER)].every((m) => vars?.[m[1]] !== undefined) ? inner : '',
  );
  return optional.replace(PLACEHOLDER, (_, key: string) => vars?.[key] ?? '…');
}

export function toFindings(
  file: string,
  text: string,
  hits: RawHit[],
  rules: Map<string, CompiledRule>,
  memo?: FindingsMemo,
): Finding[] {
  if (hits.length === 0) {
    memo?.remember(text, rules, []);
    return []; // most files of an audit: no line map of their text needed
  }
  const lines = new LineMap(text);
  // Occurrences per snippet, then rule: a taken-over snippet is the same string as before, whose hash
  // V8 keeps; a key joining rule, file and snippet would be a new string to hash for every finding.
  const occurrences = new Occurrences();
  const made: MadeFinding[] = [];
  // Units (for the cost model's rewrite bound) are wanted for lock-in hits: in code, and in the
  // configuration, rules and SQL files that are part of the code a rewrite replaces.
  const units = hits.some((h) => rules.get(h.ruleId)?.kind === 'lockin');
  // An open document's findings on lines its last edit left alone are taken over (findingsMemo.ts),
  // and so is the outline of the lines outside the edited statements.
  const previous = memo?.since(text, rules, lines);
  const hitLines = hits.map((h) => lines.position(h.span.start).line);
  const outline = (units && previous?.outline(file, hitLines)) || outlineLines(file, text, lines, hitLines, units);
  const snippets = new Map<number, string>();
  const lineSnippet = (line: number) => {
    let snippet = snippets.get(line);
    if (snippet === undefined) snippets.set(line, (snippet = fingerprintSnippet(lines.lineText(line))));
    return snippet;
  };
  const sorted = [...hits].sort((a, b) => a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId) || a.span.end - b.span.end);
  for (const hit of sorted) {
    const rule = rules.get(hit.ruleId);
    if (!rule) continue;
    const start = lines.position(hit.span.start);
    const end = lines.position(Math.max(hit.span.end, hit.span.start));
    const symbol = outline.symbols[start.line] ?? '';
    // A rule that flags a whole file (a rules file, a function file) has the whole file as its unit.
    const wholeFile = rule.match.file !== undefined;
    const unit =
      rule.kind !== 'lockin' ? undefined : wholeFile ? { line: 1, endLine: lines.lineCount } : outline.unitOf(start.line);
    const earlier = previous?.find(hit, start.line, end.line, symbol);
    const snippet = earlier?.snippet ?? lineSnippet(start.line);
    const occurrence = occurrences.next(snippet, rule.id);
    // (No closure per hit for the digest: 5,000 of them at every keystroke.)
    if (earlier) {
      const renumbered = occurrence === earlier.occurrence ? undefined : lineFingerprint(rule.id, file, snippet, occurrence);
      made.push(previous!.takeOver(earlier, hit, start.line, end.line, unit, occurrence, renumbered));
      continue;
    }
    const finding: Finding = {
      ruleId: rule.id,
      kind: rule.kind,
      platform: rule.platform,
      category: rule.category,
      severity: rule.severity,
      file,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      message: fillMessage(rule.message, hit.vars),
      fingerprint: lineFingerprint(rule.id, file, snippet, occurrence),
    };
    finding.contentFingerprint = contentFingerprint(rule.id, flaggedCode(lines, hit.span, start), symbol);
    if (symbol) finding.symbol = symbol;
    if (unit) finding.unit = unit;
    if (rule.effort) finding.effort = rule.effort;
    if (rule.cwe) finding.cwe = rule.cwe;
    made.push({ finding, snippet, occurrence, span: hit.span, vars: hit.vars, fresh: true });
  }
  const kept = dedupe(made);
  memo?.remember(text, rules, kept, outline);
  return kept.map((m) => m.finding);
}

/**
 * How many findings of a rule came before on the same snippet. Most snippets hold one rule's finding:
 * a pair of fields then, a map only for the few that hold more (a map per snippet was a quarter of
 * what an edit of a 5,000-finding file allocated).
 */
class Occurrences {
  private readonly bySnippet = new Map<string, { rule: string; count: number } | Map<string, number>>();

  /** The occurrence number of this rule's finding on this snippet (0 for the first), counting it. */
  next(snippet: string, rule: string): number {
    const known = this.bySnippet.get(snippet);
    if (!known) {
      this.bySnippet.set(snippet, { rule, count: 1 });
      return 0;
    }
    if (!(known instanceof Map)) {
      if (known.rule === rule) return known.count++;
      this.bySnippet.set(snippet, new Map([[known.rule, known.count], [rule, 1]]));
      return 0;
    }
    const count = known.get(rule) ?? 0;
    known.set(rule, count + 1);
    return count;
  }
}

/**
 * A line's normalised text for the fingerprint. A minified bundle is one line of megabytes holding
 * thousands of findings: past MAX_SNIPPET characters the line stands in by its digest, so each
 * finding costs the same whatever the line's length (shorter lines keep their fingerprints).
 */
const MAX_SNIPPET = 2000;

function fingerprintSnippet(lineText: string): string {
  const snippet = lineText.replace(/\s+/g, ' ').trim();
  return snippet.length > MAX_SNIPPET ? `sha256:${sha256Hex(snippet)}` : snippet;
}

/** The flagged code on its first line (the whole line when the span is empty, as for a file-level hit). */
function flaggedCode(lines: LineMap, span: RawHit['span'], start: { line: number; column: number }): string {
  const lineText = lines.lineText(start.line);
  const fromStart = lineText.slice(start.column - 1, start.column - 1 + Math.max(0, span.end - span.start));
  return normaliseSnippet(fromStart.trim() ? fromStart : lineText);
}

/** The fingerprint that survives unrelated edits: rule, file, the line's normalised text, occurrence. */
function lineFingerprint(ruleId: string, file: string, snippet: string, occurrence: number): string {
  return shortDigest(`${ruleId}\0${file}\0${snippet}\0${occurrence}`);
}

/** Not unique: identical code in identical contexts shares it (the baseline counts occurrences). */
export function contentFingerprint(ruleId: string, normalisedCode: string, symbol: string): string {
  return shortDigest(`content\0${ruleId}\0${normalisedCode}\0${symbol}`);
}

/**
 * Digests of recent fingerprint inputs. An edit re-makes every finding of its file, and all but the
 * few near the edit have the same inputs as before: hashing 700 findings twice per keystroke was a
 * fifth of a worst-case edit's time. Bounded; cleared when full.
 */
const digests = new Map<string, string>();
const MAX_DIGESTS = 20_000;

function shortDigest(input: string): string {
  let digest = digests.get(input);
  if (digest === undefined) {
    if (digests.size >= MAX_DIGESTS) digests.clear();
    digests.set(input, (digest = sha256Hex(input).slice(0, 20)));
  }
  return digest;
}

/**
 * The one-shot `crypto.hash` (Node 20.12 and later) takes half the time of a Hash object for inputs
 * this short; older runtimes (the Node inside some VS Code releases) make the same digest the long way.
 */
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;

function sha256Hex(text: string): string {
  return oneShot ? oneShot('sha256', text, 'hex') : crypto.createHash('sha256').update(text).digest('hex');
}

/**
 * One finding per rule and start position (two patterns of one rule may describe the same node).
 * Findings come sorted by start, then rule: a repeat is next to its first (no key per finding).
 */
function dedupe(made: MadeFinding[]): MadeFinding[] {
  return made.filter(({ finding: f }, i) => {
    const before = made[i - 1]?.finding;
    return !before || before.ruleId !== f.ruleId || before.line !== f.line || before.column !== f.column;
  });
}

/** Are two lists of findings the same, field by field (plain values, and the unit's two lines)? */
export function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  return a.length === b.length && a.every((f, i) => f === b[i] || sameFinding(f, b[i]));
}

function sameFinding(a: Finding, b: Finding): boolean {
  const keys = Object.keys(a) as (keyof Finding)[];
  return keys.length === Object.keys(b).length && keys.every((k) => (k === 'unit' ? sameUnit(a.unit, b.unit) : a[k] === b[k]));
}

function sameUnit(a: Finding['unit'], b: Finding['unit']): boolean {
  return a === b || (a !== undefined && b !== undefined && a.line === b.line && a.endLine === b.endLine);
}
