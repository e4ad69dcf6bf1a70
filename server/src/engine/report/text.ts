// The human report: security findings first, then lock-in grouped by platform and capability, each
// group with its count and estimate, then errors and the run's figures. Colour only when asked (a TTY).

import type { AuditReport } from '../audit';
import type { BaselineComparison } from '../baseline/baseline';
import { platformName, signedRange } from '../cost';
import type { Finding } from '../types';
import { estimateText, hoursText, moneyText, weeksText, widthText } from './common';

interface Paint {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
}

const plain: Paint = { bold: (s) => s, dim: (s) => s, red: (s) => s, yellow: (s) => s, cyan: (s) => s };
const ansi = (code: number) => (s: string) => `\x1b[${code}m${s}\x1b[0m`;
const colour: Paint = { bold: ansi(1), dim: ansi(2), red: ansi(31), yellow: ansi(33), cyan: ansi(36) };

export function formatText(report: AuditReport, useColour: boolean, comparison?: BaselineComparison): string {
  const p = useColour ? colour : plain;
  const out: string[] = [p.bold(`Lock-in Lens audit of ${report.root}`), ''];
  if (comparison) out.push(...baselineLines(comparison, p), '');
  const security = report.findings.filter((f) => f.kind === 'security');
  const lockin = report.findings.filter((f) => f.kind === 'lockin');

  out.push(p.bold(`Security (${security.length})`));
  if (security.length === 0) out.push(p.dim('  no security findings'));
  for (const [platform, items] of group(security, (f) => f.platform)) {
    out.push(`  ${p.bold(platform)} (${items.length})`);
    for (const f of items)
      out.push(`    ${severityLabel(f, p)} ${location(f)}  ${f.message} ${p.dim(`[${f.ruleId}]`)}`);
  }
  out.push('', p.bold(`Lock-in (${lockin.length} touch points)`));
  if (lockin.length === 0) out.push(p.dim('  no platform touch points'));
  for (const [platform, items] of group(lockin, (f) => f.platform)) {
    // Against a baseline the listed findings are only the new ones: whole-platform estimates would mislead here.
    const cost = comparison ? undefined : report.cost.platforms.find((c) => c.platform === platform);
    const costText = cost
      ? p.dim(`  ${estimateText(cost.likely, cost.total)}, dual-run ${weeksText(cost.calendar.weeks)}`)
      : '';
    out.push(`  ${p.cyan(p.bold(platform))} (${items.length})${costText}`);
    for (const [category, sites] of group(items, (f) => f.category)) {
      const c = cost?.categories.find((x) => x.category === category);
      out.push(
        `    ${p.bold(category)} (${sites.length})${c ? p.dim(`  ${estimateText(c.likely, c.total)}, ${c.structure.pattern === 'none' ? 'config and items' : c.structure.pattern}`) : ''}`,
      );
      for (const f of sites) out.push(`      ${location(f)}  ${f.message} ${p.dim(`[${f.ruleId}]`)}`);
    }
  }
  if (report.errors.length > 0) {
    out.push('', p.bold(`Errors (${report.errors.length})`));
    for (const e of report.errors) out.push(`  ${p.yellow(e.file)}: ${e.message}`);
  }
  const s = report.stats;
  out.push('', p.dim(`${s.files} files, ${(s.bytes / 1024).toFixed(0)} KB, ${s.skipped} skipped, ${s.ms} ms`));
  if (lockin.length > 0) out.push(...estimateLines(report, p));
  return out.join('\n') + '\n';
}

/**
 * The quiet report (`--quiet`): one line per finding given, `file:line:column  severity  message
 * [rule]` as compilers print them (editors and CI logs link them), and nothing when there are none.
 */
export function formatFindingLines(findings: readonly Finding[], useColour: boolean): string {
  const p = useColour ? colour : plain;
  return findings
    .map((f) => `${location(f)}  ${severityLabel(f, p)} ${f.message} ${p.dim(`[${f.ruleId}]`)}\n`)
    .join('');
}

function estimateLines(report: AuditReport, p: Paint): string[] {
  const c = report.cost;
  const lines = [
    p.bold(`Estimated migration effort: ${estimateText(c.likely, c.total)}`) +
      `, plus dual-run windows of ${weeksText(c.calendar.weeks)} alongside it.`,
    `Why this wide: ${widthText(c.uncertainties)}. With LLM assistance on code work (×${c.assistedFactor}): ${hoursText(c.assisted)}.`,
  ];
  for (const reason of c.provisionalReasons ?? []) lines.push(p.yellow(`Provisional: ${reason}.`));
  // Past a rewrite of the touched code: say which moves take it there (docs/cost-model.md).
  for (const pc of c.platforms) {
    if (pc.rewrite?.past) lines.push(`${platformName(pc.platform)}: ${pc.rewrite.summary}.`);
  }
  if (c.money)
    lines.push(
      `At ${c.money.currency ? c.money.currency + ' ' : ''}${c.money.rate} per hour: ${moneyText(c.money.total, c.money.currency)}.`,
    );
  lines.push(
    p.dim(
      `Model: ${c.basis}. Terms per capability: --format json or --format markdown; assumptions: docs/cost-model.md.`,
    ),
  );
  for (const e of c.errors ?? []) lines.push(p.yellow(`Ignored cost override: ${e}`));
  return lines;
}

function baselineLines(c: BaselineComparison, p: Paint): string[] {
  const lines = [
    p.bold(`Against the baseline: ${c.newFindings.length} new findings`) +
      ` (${c.accepted} accepted, ${c.gone} gone), estimate ${signedRange(c.delta.total)}`,
  ];
  for (const s of c.delta.summary) lines.push(`  ${s}`);
  return lines;
}

function location(f: Finding): string {
  return `${f.file}:${f.line}:${f.column}`;
}

function severityLabel(f: Finding, p: Paint): string {
  const label = f.severity.padEnd(7);
  return f.severity === 'error' ? p.red(label) : f.severity === 'warning' ? p.yellow(label) : label;
}

/** Groups in first-seen order of sorted keys, keeping each group's findings in report order. */
function group(findings: Finding[], key: (f: Finding) => string): [string, Finding[]][] {
  const map = new Map<string, Finding[]>();
  for (const f of findings) {
    const k = key(f);
    const list = map.get(k);
    if (list)
      list.push(f); // not a copy per finding: a generated file has thousands
    else map.set(k, [f]);
  }
  return [...map.entries()].sort(([a], [b]) => a.localeCompare(b));
}
