// Baselines: `.lockin-lens/baseline.json` records the findings a team has accepted, by content
// fingerprint (rule + normalised flagged code + enclosing symbol), so they stay accepted when code
// above them moves, and `--new-only` (or the panel) shows only what came after, with the cost delta.
// The file holds no code: fingerprints are hashes, messages are the redacted ones of the report.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { costDelta, estimateCost } from '../cost';
import type { CostDelta, CostOptions, CostSummary } from '../cost';
import type { Finding, Kind, Severity, EffortGrade } from '../types';

export const BASELINE_FILE = '.lockin-lens/baseline.json';

export interface BaselineEntry {
  key: string;
  ruleId: string;
  kind: Kind;
  platform: string;
  category: string;
  severity: Severity;
  effort?: EffortGrade;
  /** Where the finding was when the baseline was written (for people and for re-pricing; not matched on). */
  file: string;
  line: number;
  /** The rest of the span and the unit of code: the cost model needs them to re-price the same way. */
  column?: number;
  endLine?: number;
  endColumn?: number;
  unit?: { line: number; endLine: number };
  symbol?: string;
  message: string;
}

export interface Baseline {
  version: 1;
  tool: 'lockin-lens';
  about: string;
  findings: BaselineEntry[];
}

export interface BaselineComparison {
  /** Findings not in the baseline, in report order. */
  newFindings: Finding[];
  /** Findings the baseline accepts. */
  accepted: number;
  /** Baseline entries no longer found (fixed, removed or changed). */
  gone: number;
  baselineCost: CostSummary;
  delta: CostDelta;
}

export function createBaseline(findings: readonly Finding[]): Baseline {
  const entries = findings.map((f): BaselineEntry => {
    const e: BaselineEntry = {
      key: keyOf(f),
      ruleId: f.ruleId,
      kind: f.kind,
      platform: f.platform,
      category: f.category,
      severity: f.severity,
      file: f.file,
      line: f.line,
      message: f.message,
    };
    if (f.effort) e.effort = f.effort;
    if (f.symbol) e.symbol = f.symbol;
    if (f.kind === 'lockin') Object.assign(e, { column: f.column, endLine: f.endLine, endColumn: f.endColumn });
    if (f.unit) e.unit = f.unit;
    return e;
  });
  entries.sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.ruleId.localeCompare(b.ruleId),
  );
  return {
    version: 1,
    tool: 'lockin-lens',
    about:
      'Accepted Lock-in Lens findings. `lockin-lens audit --new-only` reports only findings not listed here. Matched by key (rule, normalised code, enclosing symbol), not by line.',
    findings: entries,
  };
}

export function writeBaseline(file: string, baseline: Baseline): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(baseline, null, 2) + '\n');
}

/** Reads and checks a baseline file; says what is wrong instead of throwing. */
export function readBaseline(file: string): { baseline: Baseline } | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      error:
        code === 'ENOENT'
          ? `no baseline at ${file} (write one with 'lockin-lens baseline')`
          : `cannot read baseline ${file}: ${(e as Error).message}`,
    };
  }
  const b = json as Partial<Baseline>;
  if (b?.version !== 1 || !Array.isArray(b.findings))
    return { error: `${file} is not a Lock-in Lens baseline (version 1 with a findings list)` };
  const bad = b.findings.findIndex(
    (e) =>
      typeof e?.key !== 'string' ||
      typeof e.ruleId !== 'string' ||
      typeof e.file !== 'string' ||
      typeof e.line !== 'number',
  );
  if (bad >= 0) return { error: `${file}: findings[${bad}] needs key, ruleId, file and line` };
  return { baseline: b as Baseline };
}

/**
 * Findings the baseline does not account for. Keys are counted, not just looked up: a third copy of
 * a line accepted twice is new. Same-file matches are taken first, so after a rename or a copy the
 * finding that stayed put is the accepted one.
 */
export function newSinceBaseline(
  findings: readonly Finding[],
  baseline: Baseline,
): { newFindings: Finding[]; accepted: number; gone: number } {
  const remaining = new Map<string, string[]>();
  for (const e of baseline.findings) {
    const files = remaining.get(e.key);
    if (files)
      files.push(e.file); // not a copy per entry: identical code repeats thousands of times
    else remaining.set(e.key, [e.file]);
  }
  const unmatched: Finding[] = [];
  for (const f of findings) {
    const files = remaining.get(keyOf(f));
    const at = files?.indexOf(f.file) ?? -1;
    if (files && at >= 0) files.splice(at, 1);
    else unmatched.push(f);
  }
  const newSet = new Set<Finding>();
  for (const f of unmatched) {
    const files = remaining.get(keyOf(f));
    if (files && files.length > 0) files.shift();
    else newSet.add(f);
  }
  const gone = [...remaining.values()].reduce((n, files) => n + files.length, 0);
  const newFindings = findings.filter((f) => newSet.has(f));
  return { newFindings, accepted: findings.length - newFindings.length, gone };
}

/** The baseline's findings as the cost model reads them, to price the baseline with today's weights. */
export function baselineFindings(baseline: Baseline): Finding[] {
  return baseline.findings.map((e) => ({
    ruleId: e.ruleId,
    kind: e.kind,
    platform: e.platform,
    category: e.category,
    severity: e.severity,
    file: e.file,
    line: e.line,
    column: e.column ?? 1,
    endLine: e.endLine ?? e.line,
    endColumn: e.endColumn ?? 1,
    message: e.message ?? '',
    fingerprint: e.key,
    contentFingerprint: e.key,
    ...(e.effort ? { effort: e.effort } : {}),
    ...(e.unit ? { unit: e.unit } : {}),
  }));
}

/** New findings, and how the estimate moved since the baseline (both priced with the same weights). */
export function compareWithBaseline(
  findings: readonly Finding[],
  cost: CostSummary,
  baseline: Baseline,
  costOptions: CostOptions = {},
): BaselineComparison {
  const { newFindings, accepted, gone } = newSinceBaseline(findings, baseline);
  const baselineCost = estimateCost(baselineFindings(baseline), costOptions);
  return { newFindings, accepted, gone, baselineCost, delta: costDelta(cost, baselineCost) };
}

function keyOf(f: Finding): string {
  return f.contentFingerprint ?? f.fingerprint;
}
