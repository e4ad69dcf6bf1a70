// Findings as LSP diagnostics: code = rule id, codeDescription = the rule's docs, source =
// lockin-lens, data = what quick fixes and the panel need. Settings filter and re-grade them.

import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { Finding, Severity } from '../engine/types';
import type { FindingData } from '../protocol';
import type { LockinSettings } from './settings';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const SOURCE = 'lockin-lens';

/** Applies the kind switches and per-rule severity overrides; 'off' hides a rule. */
export function visibleFindings(findings: Finding[], settings: LockinSettings): Finding[] {
  if (!settings.enable) return [];
  return findings
    .filter((f) => (f.kind === 'lockin' ? settings.lockin.enable : settings.security.enable))
    .filter((f) => settings.severityOverrides[f.ruleId] !== 'off')
    .map((f) => {
      const override = settings.severityOverrides[f.ruleId];
      return override && override !== 'off' ? { ...f, severity: override } : f;
    });
}

export function toDiagnostic(finding: Finding, docsHref: (ruleId: string) => string | undefined): Diagnostic {
  const data: FindingData = {
    ruleId: finding.ruleId,
    kind: finding.kind,
    platform: finding.platform,
    category: finding.category,
    effort: finding.effort,
    cwe: finding.cwe,
    fingerprint: finding.fingerprint,
  };
  const diagnostic: Diagnostic = {
    range: {
      start: { line: finding.line - 1, character: finding.column - 1 },
      end: { line: finding.endLine - 1, character: finding.endColumn - 1 },
    },
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    source: SOURCE,
    message: finding.message,
    data,
  };
  const href = docsHref(finding.ruleId);
  if (href) diagnostic.codeDescription = { href };
  return diagnostic;
}

export function isOurs(diagnostic: Diagnostic): diagnostic is Diagnostic & { data: FindingData } {
  return diagnostic.source === SOURCE && typeof diagnostic.data === 'object' && diagnostic.data !== null;
}
