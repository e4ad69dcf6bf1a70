// An open document's findings, kept from one analysis to the next. After an edit, a hit on lines the
// edit left alone (wholly before the first changed character, or wholly after the last one) is the
// same hit as before, moved: its finding is taken over instead of made again (message, snippet and
// both fingerprints), shifted by the lines the edit added or removed. Only hits on changed lines,
// or whose enclosing symbol changed, are made afresh; a test compares the result with a fresh
// analysis after edits of every kind.

import { outlineAfterEdit, OutlineLines } from './baseline/outlineReuse';
import type { LineMap } from './findings';
import type { CompiledRule } from './rules/model';
import type { Finding, RawHit } from './types';

/** A finding with what it was made from, so the next analysis can recognise its hit. */
export interface MadeFinding {
  finding: Finding;
  /** The flagged line's normalised text (the fingerprint's input). */
  snippet: string;
  /** Its number among earlier findings of the same rule on the same snippet. */
  occurrence: number;
  span: RawHit['span'];
  vars: RawHit['vars'];
  /** Made afresh by this analysis (not taken over). */
  fresh?: true;
}

/** Is this the previous analysis's finding of the hit (`shift` characters earlier)? */
function isHit(m: MadeFinding, hit: RawHit, shift: number): boolean {
  return m.finding.ruleId === hit.ruleId && m.span.end === hit.span.end - shift && sameVars(m.vars, hit.vars);
}

/** Do two hits fill the same placeholders with the same values? */
function sameVars(a: RawHit['vars'], b: RawHit['vars']): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  // Counted with for…in, not Object.keys: two arrays per finding, 5,000 findings per keystroke.
  let count = 0;
  for (const key in a) {
    if (a[key] !== b[key]) return false;
    count++;
  }
  for (const key in b) {
    void key;
    count--;
  }
  return count === 0;
}

export class FindingsMemo {
  private text?: string;
  private rules?: Map<string, CompiledRule>;
  /** By start offset: numbers, not a key string per finding (5,000 of them at every keystroke). */
  private byStart = new Map<number, MadeFinding | MadeFinding[]>();
  /** How many findings the last analysis made afresh, and how many it took over. */
  made = 0;
  takenOver = 0;

  /** The outline the last analysis made of its findings' lines (when it wanted their units). */
  private outline?: OutlineLines;

  /** What the previous analysis left that `text` can take over; none for another rule set. */
  since(text: string, rules: Map<string, CompiledRule>, lines: LineMap): FindingsReuse | undefined {
    if (this.text === undefined || rules !== this.rules || this.byStart.size === 0) return undefined;
    return new FindingsReuse(this.text, text, lines, this.byStart, this.outline);
  }

  /** Keeps this analysis's findings (and the outline of their lines) for the next one. */
  remember(text: string, rules: Map<string, CompiledRule>, made: MadeFinding[], outline?: OutlineLines): void {
    this.text = text;
    this.rules = rules;
    this.outline = outline;
    this.byStart = new Map();
    for (const m of made) {
      const known = this.byStart.get(m.span.start);
      if (!known) this.byStart.set(m.span.start, m);
      else if (Array.isArray(known)) known.push(m);
      else this.byStart.set(m.span.start, [known, m]);
    }
    this.made = 0;
    for (const m of made) if (m.fresh) this.made++;
    this.takenOver = made.length - this.made;
  }
}

/** The stretches an edit left alone: the text's common start and common end with the previous text. */
export class FindingsReuse {
  /** New text [0, prefix) is the old text's [0, prefix). */
  private readonly prefix: number;
  /** New text [suffixFrom, end) is the old text's last characters, `delta` earlier. */
  private readonly suffixFrom: number;
  private readonly delta: number;

  constructor(
    private readonly old: string,
    text: string,
    private readonly lines: LineMap,
    private readonly byStart: Map<number, MadeFinding | MadeFinding[]>,
    private readonly previousOutline?: OutlineLines,
  ) {
    const max = Math.min(old.length, text.length);
    let prefix = 0;
    while (prefix < max && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
    // From the start of the line the first change is on: a line inserted whole then counts as the
    // change, not the end of the line above and the start of the one below.
    prefix = prefix > 0 ? old.lastIndexOf('\n', prefix - 1) + 1 : 0;
    let suffix = 0;
    const last = old.length - 1;
    const lastNew = text.length - 1;
    while (suffix < max - prefix && old.charCodeAt(last - suffix) === text.charCodeAt(lastNew - suffix)) suffix++;
    this.prefix = prefix;
    this.suffixFrom = text.length - suffix;
    this.delta = text.length - old.length;
  }

  /**
   * The outline (enclosing symbols and units) of the wanted lines, walking again only the stretch
   * around the edit; undefined when the previous analysis cannot answer for the rest.
   */
  outline(file: string, wanted: number[]): OutlineLines | undefined {
    if (!this.previousOutline) return undefined;
    const { lines, old, delta } = this;
    const firstChanged = lines.position(this.prefix).line;
    // The first line wholly in the unchanged end, that started a line in the old text too.
    let sameFrom = lines.position(this.suffixFrom).line;
    const at = lines.startOf(sameFrom);
    if (at < this.suffixFrom || (at - delta > 0 && old.charCodeAt(at - delta - 1) !== 10)) sameFrom++;
    return outlineAfterEdit(file, lines, wanted, this.previousOutline, { firstChanged, sameFrom });
  }

  /**
   * The previous finding of the same hit, if its lines are untouched (lines that started and ended a
   * line before too) and it sits in the same symbol; otherwise the hit is to be made afresh.
   */
  find(hit: RawHit, startLine: number, endLine: number, symbol: string): MadeFinding | undefined {
    let shift = 0;
    if (this.lines.endOf(endLine) >= this.prefix) {
      // After the change: the line starts in the unchanged end, and started a line before too.
      const lineStart = this.lines.startOf(startLine);
      shift = this.delta;
      if (lineStart < this.suffixFrom) return undefined;
      if (lineStart - shift > 0 && this.old.charCodeAt(lineStart - shift - 1) !== 10) return undefined;
    }
    const earlier = this.sameHit(hit, shift);
    if (!earlier || (earlier.finding.symbol ?? '') !== symbol) return undefined;
    const lines = startLine - earlier.finding.line;
    return earlier.finding.endLine + lines === endLine ? earlier : undefined;
  }

  /** The previous analysis's finding of the same rule, span (`shift` earlier) and placeholder values. */
  private sameHit(hit: RawHit, shift: number): MadeFinding | undefined {
    const known = this.byStart.get(hit.span.start - shift);
    if (!known) return undefined;
    if (!Array.isArray(known)) return isHit(known, hit, shift) ? known : undefined;
    for (const m of known) if (isHit(m, hit, shift)) return m;
    return undefined;
  }

  /**
   * The earlier finding at its new place: the same object when nothing about it moved (its
   * diagnostic is reused too), a copy with the new lines, unit and occurrence otherwise.
   */
  takeOver(
    earlier: MadeFinding,
    hit: RawHit,
    startLine: number,
    endLine: number,
    unit: Finding['unit'],
    occurrence: number,
    /** The finding's fingerprint when its occurrence number changed. */
    renumbered: string | undefined,
  ): MadeFinding {
    const old = earlier.finding;
    const sameUnit = unit?.line === old.unit?.line && unit?.endLine === old.unit?.endLine;
    const sameOccurrence = occurrence === earlier.occurrence;
    let finding = old;
    if (old.line !== startLine || !sameUnit || !sameOccurrence) {
      finding = { ...old, line: startLine, endLine };
      if (renumbered !== undefined) finding.fingerprint = renumbered;
      if (unit) finding.unit = unit;
      else delete finding.unit;
    }
    return { finding, snippet: earlier.snippet, occurrence, span: hit.span, vars: earlier.vars };
  }
}
