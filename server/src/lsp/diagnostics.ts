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

/**
 * The findings a file's diagnostics show. Lock-in touch points only when the user asked for them
 * inline, and never on a span a security finding already covers: one diagnostic per span, the
 * lock-in note moves into the security finding's hover.
 */
export function diagnosticFindings(findings: Finding[], settings: LockinSettings): Finding[] {
  const visible = visibleFindings(findings, settings);
  if (!settings.lockin.inlineDiagnostics) return visible.filter((f) => f.kind !== 'lockin');
  const security = visible.filter((f) => f.kind === 'security');
  if (security.length === 0) return visible;
  return visible.filter((f) => f.kind !== 'lockin' || !security.some((s) => overlaps(s, f)));
}

/** Do two findings' spans share a character? */
export function overlaps(a: Finding, b: Finding): boolean {
  const before = (l1: number, c1: number, l2: number, c2: number) => l1 < l2 || (l1 === l2 && c1 < c2);
  return before(a.line, a.column, b.endLine, b.endColumn) && before(b.line, b.column, a.endLine, a.endColumn);
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
