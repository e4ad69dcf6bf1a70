// Pulled diagnostics of a document carry a result id that changes only when its diagnostics do. Most
// keystrokes leave a file's findings as they were; the editor then hears `unchanged` instead of the
// whole list again (the 716 diagnostics of the benchmark's worst 5,000-line file are 330 KB of JSON
// to write, read and redraw on every keystroke).

import { randomBytes } from 'node:crypto';
import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver';
import { DocumentDiagnosticReportKind } from 'vscode-languageserver';

export class DocumentReports {
  private readonly last = new Map<string, { items: Diagnostic[]; resultId: string }>();
  /** Ids from an earlier server process must never match: each process has its own prefix. */
  private readonly prefix = randomBytes(4).toString('hex');
  private counter = 0;

  report(uri: string, items: Diagnostic[], previousResultId: string | undefined): DocumentDiagnosticReport {
    const last = this.last.get(uri);
    const same = last !== undefined && (last.items === items || sameDiagnostics(last.items, items));
    const resultId = same ? last.resultId : `${this.prefix}-${++this.counter}`;
    this.last.set(uri, { items, resultId });
    if (previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
  }

  /** A document closed: its next pull (if any) starts afresh. */
  forget(uri: string): void {
    this.last.delete(uri);
  }
}

function sameDiagnostics(a: Diagnostic[], b: Diagnostic[]): boolean {
  return a.length === b.length && a.every((d, i) => sameDiagnostic(d, b[i]));
}

function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  const { start: as, end: ae } = a.range;
  const { start: bs, end: be } = b.range;
  return as.line === bs.line && as.character === bs.character && ae.line === be.line && ae.character === be.character
    && a.severity === b.severity && a.code === b.code && a.source === b.source && a.message === b.message
    && a.codeDescription?.href === b.codeDescription?.href && sameFlatObject(a.data, b.data);
}

/** Our diagnostics' `data` is one level of plain values (FindingData). */
function sameFlatObject(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const aKeys = Object.keys(a);
  return aKeys.length === Object.keys(b).length && aKeys.every((k) => (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k]);
}
