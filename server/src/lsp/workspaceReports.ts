// Workspace diagnostics (findings of files that are not open stay in the Problems panel). Each file's
// report carries a result id that changes only when its findings change, so the editor's repeated
// workspace pulls cost little; a pull with nothing new waits until something changes.

import type { CancellationToken, Diagnostic, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver';

export class ReportVersions {
  private readonly versions = new Map<string, number>();
  private generation = 0;
  private waiters: (() => void)[] = [];

  /** Findings of these URIs changed (or the files went away). */
  bump(uris: string[]): void {
    if (uris.length === 0) return;
    this.generation++;
    for (const uri of uris) this.versions.set(uri, this.generation);
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  resultId(uri: string): string {
    return `v${this.versions.get(uri) ?? 0}`;
  }

  current(): number {
    return this.generation;
  }

  /** Resolves when bump() is next called or the request is cancelled. */
  waitForChange(token: CancellationToken): Promise<void> {
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      token.onCancellationRequested(() => resolve());
    });
  }
}

/** Full reports for changed files, `unchanged` for the rest. */
export function workspaceReport(
  entries: { uri: string; items: () => Diagnostic[] }[],
  previous: Map<string, string>,
  versions: ReportVersions,
): WorkspaceDocumentDiagnosticReport[] {
  return entries.map(({ uri, items }) => {
    const resultId = versions.resultId(uri);
    if (previous.get(uri) === resultId) return { kind: 'unchanged', uri, resultId, version: null };
    return { kind: 'full', uri, resultId, version: null, items: items() };
  });
}
