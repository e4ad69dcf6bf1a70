// Findings as the diagnostics an editor pulls, made once per finding. An edit's findings are mostly
// those of the previous version, the same objects (findingsMemo.ts): their diagnostics are reused,
// and only the findings the edit made or moved are converted again.

import type { Diagnostic } from 'vscode-languageserver';
import type { Finding } from '../engine/types';
import { diagnosticFindings, toDiagnostic } from './diagnostics';
import type { LockinSettings } from './settings';

export class DiagnosticsCache {
  /** The same list of findings (kept when an edit changed none) under the same settings: the same array. */
  private readonly byList = new WeakMap<Finding[], { settings: LockinSettings; diagnostics: Diagnostic[] }>();
  /** One finding's diagnostic (settings change which findings show, not how one shows). */
  private readonly byFinding = new WeakMap<Finding, Diagnostic>();
  /** How many diagnostics the last call converted (the rest were reused): for tests. */
  converted = 0;

  constructor(private readonly docsHref: (ruleId: string) => string | undefined) {}

  of(findings: Finding[], settings: LockinSettings): Diagnostic[] {
    this.converted = 0;
    const made = this.byList.get(findings);
    if (made?.settings === settings) return made.diagnostics;
    const diagnostics = diagnosticFindings(findings, settings).map((finding) => {
      let diagnostic = this.byFinding.get(finding);
      if (!diagnostic) {
        this.byFinding.set(finding, (diagnostic = toDiagnostic(finding, this.docsHref)));
        this.converted++;
      }
      return diagnostic;
    });
    this.byList.set(findings, { settings, diagnostics });
    return diagnostics;
  }
}
