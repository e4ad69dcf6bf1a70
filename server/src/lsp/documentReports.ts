// Pulled diagnostics of a document carry a result id that changes only when its diagnostics do. Most
// keystrokes leave a file's findings as they were; the editor then hears `unchanged` instead of the
// whole list again (the 716 diagnostics of the benchmark's worst 5,000-line file are 330 KB of JSON
// to write, read and redraw on every keystroke). Unchanged findings keep their list, and that list
// its diagnostics (FolderIndex.refreshFindings, Session.diagnosticsWith): the same array is the
// same diagnostics.

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
    const resultId = last?.items === items ? last.resultId : `${this.prefix}-${++this.counter}`;
    this.last.set(uri, { items, resultId });
    if (previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
  }

  /** A document closed: its next pull (if any) starts afresh. */
  forget(uri: string): void {
    this.last.delete(uri);
  }
}
