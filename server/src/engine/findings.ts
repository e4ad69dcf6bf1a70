// Raw hits become findings: 1-based positions, the message filled in, a fingerprint that survives
// unrelated edits (rule + file + the flagged line's normalised text + its occurrence number).

import { createHash } from 'node:crypto';
import type { CompiledRule } from './rules/model';
import type { Finding, RawHit } from './types';

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

  lineText(line: number): string {
    const start = this.starts[line - 1] ?? 0;
    const end = this.starts[line] ?? this.text.length;
    return this.text.slice(start, end).replace(/\r?\n$/, '');
  }
}

export function fillMessage(template: string, vars: Record<string, string> | undefined): string {
  return template.replace(/\{\{\s*([\w$]+)\s*\}\}/g, (_, key: string) => vars?.[key] ?? '…');
}

export function toFindings(file: string, text: string, hits: RawHit[], rules: Map<string, CompiledRule>): Finding[] {
  const lines = new LineMap(text);
  const occurrences = new Map<string, number>();
  const findings: Finding[] = [];
  const sorted = [...hits].sort((a, b) => a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId) || a.span.end - b.span.end);
  for (const hit of sorted) {
    const rule = rules.get(hit.ruleId);
    if (!rule) continue;
    const start = lines.position(hit.span.start);
    const end = lines.position(Math.max(hit.span.end, hit.span.start));
    const snippet = lines.lineText(start.line).replace(/\s+/g, ' ').trim();
    const key = `${rule.id}\0${file}\0${snippet}`;
    const occurrence = occurrences.get(key) ?? 0;
    occurrences.set(key, occurrence + 1);
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
      fingerprint: createHash('sha256').update(`${key}\0${occurrence}`).digest('hex').slice(0, 20),
    };
    if (rule.effort) finding.effort = rule.effort;
    if (rule.cwe) finding.cwe = rule.cwe;
    findings.push(finding);
  }
  return dedupe(findings);
}

/** One finding per rule and start position (two patterns of one rule may describe the same node). */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.ruleId}:${f.line}:${f.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
