// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, the rules that fired with
// their documentation, one result per finding with a root-relative location, a stable partial
// fingerprint, and `properties` carrying kind, platform, category and effort. Secrets stay out: no
// snippets are embedded, messages are the redacted ones of the report.

import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AuditReport } from '../audit';
import { packageVersion } from '../rules/builtin';
import { ruleDocsMarkdown } from '../rules/docs';
import type { RuleJson } from '../rules/model';
import type { Finding, Severity } from '../types';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
/** GitHub ranks security alerts by this 0–10 score (critical ≥ 9, high ≥ 7, medium ≥ 4). */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.0', info: '3.0', hint: '1.0' };

export function formatSarif(report: AuditReport, rules: readonly RuleJson[]): string {
  return JSON.stringify(toSarif(report, rules), null, 2) + '\n';
}

export function toSarif(report: AuditReport, rules: readonly RuleJson[]): Record<string, unknown> {
  const byId = new Map(rules.map((r) => [r.id, r]));
  const usedIds = [...new Set(report.findings.map((f) => f.ruleId))].sort();
  const index = new Map(usedIds.map((id, i) => [id, i]));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Lock-in Lens', semanticVersion: packageVersion(), rules: usedIds.map((id) => ruleDescriptor(id, byId.get(id), report.findings)) } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(report.root + '/').href } },
        columnKind: 'utf16CodeUnits',
        results: report.findings.map((f) => result(f, index.get(f.ruleId)!)),
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: report.errors.map((e) => notification(e.file, e.message)) }],
        properties: {
          cost: {
            unit: report.cost.unit,
            model: report.cost.model,
            total: report.cost.total,
            assisted: report.cost.assisted,
            calendarWeeks: report.cost.calendar.weeks,
            platforms: report.cost.platforms.map((p) => ({ platform: p.platform, total: p.total, categories: p.categories.map((c) => ({ category: c.category, total: c.total })) })),
          },
        },
      },
    ],
  };
}

function ruleDescriptor(id: string, rule: RuleJson | undefined, findings: Finding[]): Record<string, unknown> {
  const sample = findings.find((f) => f.ruleId === id)!;
  const kind = rule?.kind ?? sample.kind;
  const tags = kind === 'security' ? ['security', rule?.platform ?? sample.platform, rule?.category ?? sample.category] : ['lock-in', rule?.platform ?? sample.platform, rule?.category ?? sample.category];
  const cwe = rule?.cwe ?? sample.cwe;
  if (cwe) tags.push(`external/cwe/${cwe.toLowerCase()}`);
  const properties: Record<string, unknown> = { tags, kind, platform: rule?.platform ?? sample.platform, category: rule?.category ?? sample.category, precision: 'high' };
  if (rule?.effort) properties.effort = rule.effort;
  if (cwe) properties.cwe = cwe;
  if (kind === 'security') properties['security-severity'] = SECURITY_SEVERITY[rule?.severity ?? sample.severity];
  const descriptor: Record<string, unknown> = {
    id,
    name: id.split(/[/-]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(''),
    shortDescription: { text: firstSentence(rule?.docs.summary ?? sample.message) },
    defaultConfiguration: { level: LEVEL[rule?.severity ?? sample.severity] },
    properties,
  };
  if (rule) {
    descriptor.fullDescription = { text: rule.docs.summary };
    const advice = rule.docs.alternative ?? rule.docs.fix ?? '';
    descriptor.help = { text: `${rule.docs.why}${advice ? `\n\n${advice}` : ''}`, markdown: ruleDocsMarkdown(rule, { heading: false }) };
  }
  return descriptor;
}

function result(f: Finding, ruleIndex: number): Record<string, unknown> {
  const properties: Record<string, unknown> = { kind: f.kind, platform: f.platform, category: f.category };
  if (f.effort) properties.effort = f.effort;
  if (f.cwe) properties.cwe = f.cwe;
  if (f.symbol) properties.symbol = f.symbol;
  if (f.contentFingerprint) properties.contentFingerprint = f.contentFingerprint;
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(f.file), uriBaseId: '%SRCROOT%' },
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
      },
    ],
    partialFingerprints: { 'lockinLens/v1': f.fingerprint },
    properties,
  };
}

function notification(file: string, message: string): Record<string, unknown> {
  const artifactLocation = isAbsolute(file) ? { uri: pathToFileURL(file).href } : { uri: encodeURI(file), uriBaseId: '%SRCROOT%' };
  return { level: 'warning', message: { text: message }, locations: [{ physicalLocation: { artifactLocation } }] };
}

function firstSentence(text: string): string {
  const m = /^(.+?[.!?])(\s|$)/.exec(text);
  return m ? m[1] : text;
}
