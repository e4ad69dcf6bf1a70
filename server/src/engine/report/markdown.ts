// The exit plan (`lockin-lens audit --format markdown`, and the editor's export): per platform, the
// phases in order, each capability with its portable alternative, structure, estimate terms and
// file:line links to every touch point, the data and account notes, security findings to fix
// first, and the assumptions. Links are relative to the audited root (GitHub-style #L anchors).

import { basename } from 'node:path';
import type { AuditReport } from '../audit';
import type { BaselineComparison } from '../baseline/baseline';
import { platformName, signedRange } from '../cost';
import type { CapabilityCost, PlatformCost } from '../cost';
import type { RuleJson } from '../rules/model';
import type { Finding } from '../types';
import {
  byLocation,
  capabilityTitle,
  estimateText,
  fileLink,
  hoursText,
  mdEscape,
  moneyText,
  weeksText,
  widthText,
} from './common';
import { phasesOf } from './phases';

export interface ExitPlanOptions {
  /** Against a baseline: a section with the new findings and the cost delta. */
  comparison?: BaselineComparison;
  /** Touch points listed per capability before the rest are summarised (default 40). */
  maxTouchPoints?: number;
}

export function formatMarkdown(report: AuditReport, rules: readonly RuleJson[], options: ExitPlanOptions = {}): string {
  const ruleById = new Map(rules.map((r) => [r.id, r]));
  const lockin = report.findings.filter((f) => f.kind === 'lockin');
  const security = report.findings.filter((f) => f.kind === 'security').sort(byLocation);
  const name = basename(report.root);
  const out: string[] = [`# Exit plan: ${mdEscape(name)}`, ''];
  out.push(
    `Written by Lock-in Lens from the code in \`${name}\` (${report.stats.files} files scanned). It lists what is ` +
      `tied to each backend platform, ` +
      'what replaces it, in what order to move, and what that costs. Every estimate below is a most likely figure ' +
        'with a range, and names the rules, counts and weights that produced it and the uncertainties that make it ' +
          'wide (see the cost model in docs/cost-model.md).',
    '',
  );
  out.push(...summarySection(report, security));
  if (options.comparison) out.push(...baselineSection(options.comparison));
  if (report.cost.platforms.length === 0) out.push('No platform touch points were found: nothing to plan.', '');
  for (const platform of report.cost.platforms) {
    out.push(
      ...platformSection(
        platform,
        lockin.filter((f) => f.platform === platform.platform),
        ruleById,
        options.maxTouchPoints ?? 40,
        security.length,
        report.cost.money?.currency,
      ),
    );
  }
  if (security.length > 0) out.push(...securitySection(security));
  out.push(...assumptionsSection(report));
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

function summarySection(report: AuditReport, security: Finding[]): string[] {
  const cost = report.cost;
  const out = ['## Summary', ''];
  if (cost.platforms.length > 0) {
    out.push(
      '| Platform | Touch points | Capabilities | Most likely | Range | Dual-run window |',
      '|---|---:|---|---:|---:|---:|',
    );
    for (const p of cost.platforms) {
      const mark = p.provisional ? ' (provisional)' : '';
      out.push(
        `| ${platformName(p.platform)}${mark} | ${p.findings} | ${p.categories.map((c) => c.category).join(', ')} | ` +
          `${Math.round(p.likely)} h | ${hoursText(p.total)} | ${weeksText(p.calendar.weeks)} |`,
      );
    }
    out.push(
      `| **Total** | ${cost.platforms.reduce((n, p) => n + p.findings, 0)} | | **${Math.round(cost.likely)} h** | ` +
        `${hoursText(cost.total)} | ${weeksText(cost.calendar.weeks)} |`,
      '',
    );
    out.push(
      `Why the range is this wide: ${widthText(cost.uncertainties)} of its width (docs/cost-model.md, "The range").`,
      '',
    );
    for (const reason of cost.provisionalReasons ?? []) out.push(`**Provisional:** ${mdEscape(reason)}.`, '');
    out.push(
      `With LLM assistance on the code work (one stated factor, ×${cost.assistedFactor} on seams, call sites, files ` +
        `and items; data and account moves unchanged): ${hoursText(cost.assisted)}.`,
      '',
    );
    out.push(
      'Dual-run windows are calendar time during which old and new systems run side by side; they overlap the effort ' +
        'rather than add to it.',
      '',
    );
    if (cost.money)
      out.push(
        `At ${cost.money.currency ? cost.money.currency + ' ' : ''}${cost.money.rate} per hour: ` +
          `**${moneyText(cost.money.total, cost.money.currency)}**.`,
        '',
      );
  }
  const errors = security.filter((f) => f.severity === 'error').length;
  out.push(
    security.length === 0
      ? 'No open security findings.'
      : `**${security.length} open security ${security.length === 1 ? 'finding' : 'findings'}** (${errors} ` +
        `${errors === 1 ? 'error' : 'errors'}): fix them first, see [Security findings to fix first](#security-findings-to-fix-first).`,
    '',
  );
  return out;
}

/**
 * Against a baseline (`--new-only --format markdown`): a review comment rather than a plan. The
 * cost delta per platform, then each new finding with its file:line link.
 */
export function formatMarkdownDelta(report: AuditReport, comparison: BaselineComparison): string {
  const out = [
    `# Lock-in Lens: changes since the baseline in ${mdEscape(basename(report.root))}`,
    '',
    ...baselineSection(comparison).slice(2),
  ];
  const fresh = [...comparison.newFindings].sort(byLocation);
  for (const kind of ['security', 'lockin'] as const) {
    const items = fresh.filter((f) => f.kind === kind);
    if (items.length === 0) continue;
    out.push(`## New ${kind === 'security' ? 'security findings' : 'platform touch points'} (${items.length})`, '');
    for (const f of items)
      out.push(
        `- ${kind === 'security' ? `**${f.severity}** ` : ''}${fileLink(f.file, f.line)} ${mdEscape(f.message)} ` +
          `(\`${f.ruleId}\`, ${platformName(f.platform)} ${f.category})`,
      );
    out.push('');
  }
  out.push(
    `Whole code base: ${hoursText(report.cost.total)} (baseline ${hoursText(comparison.baselineCost.total)}). Accept ` +
      `the current state with \`lockin-lens baseline\`.`,
    '',
  );
  return out.join('\n');
}

function baselineSection(c: BaselineComparison): string[] {
  const out = ['## Since the baseline', ''];
  out.push(
    `${c.newFindings.length} new findings, ${c.accepted} accepted by the baseline, ${c.gone} baseline entries no ` +
      `longer found. Estimate: ${signedRange(c.delta.total)}.`,
    '',
  );
  for (const line of c.delta.summary) out.push(`- ${line}`);
  out.push('');
  return out;
}

function platformSection(
  p: PlatformCost,
  findings: Finding[],
  rules: Map<string, RuleJson>,
  max: number,
  securityCount: number,
  currency = '',
): string[] {
  const out = [`## ${platformName(p.platform)}`, ''];
  out.push(
    `**Estimate:** ${estimateText(p.likely, p.total)} of effort, plus a dual-run window of ` +
      `${weeksText(p.calendar.weeks)}. Width: ${widthText(p.uncertainties)}.`,
  );
  if (p.provisional) out.push('', `**Provisional:** ${mdEscape(p.provisional)}.`);
  if (p.rewriteBound) {
    const b = p.rewriteBound;
    out.push(
      '',
      `**Rewrite bound:** the work of leaving (seams, call sites, items, configuration and hosting: ${b.before} h ` +
        `before the bound) is capped at a from-scratch rewrite of the ${b.touchedLines} lines of code, configuration, ` +
          `rules and SQL that touch ${platformName(p.platform)}: ${b.cap} h, its high end at that rewrite done at the ` +
            `slow pace. Data, accounts and stored files are outside it.`,
    );
  }
  if (p.rewrite) out.push('', `**Against a rewrite:** ${mdEscape(p.rewrite.summary)}.`);
  const moves = movesOf(p);
  if (moves > 0)
    out.push(
      '',
      `Of the most likely figure, ${Math.round(moves)} h moves data, accounts and stored files: work a rewrite of the ` +
        `code would not remove.`,
    );
  if (p.money) out.push(`**Money:** ${moneyText(p.money, currency)} at the configured rate.`);
  out.push('', '### Phases', '');
  out.push(
    `1. **Prepare.** ${securityCount > 0 ? `Fix the ${securityCount} open security findings. ` : ''}Put tests around ` +
      `the flows that touch ${platformName(p.platform)}, and record this inventory with \`lockin-lens baseline\` so ` +
        `new coupling shows up in review.`,
  );
  phasesOf(p).forEach((phase, i) => {
    const parts = phase.capabilities.map((c) => `${c.category} ${hoursText(c.hours)}`).join(', ');
    const windows = phase.windows
      .map((w) => ` Dual-run window for ${w.category}: ${weeksText(w.weeks)} (${w.reason}).`)
      .join('');
    const spread =
      phase.id === 'seams' ? p.categories.filter((c) => c.structure.pattern === 'spread').map((c) => c.category) : [];
    const first = spread.length > 0 ? ` Start with ${spread.join(', ')}: their calls are spread through UI code.` : '';
    out.push(`${i + 2}. **${phase.title}** (${hoursText(phase.hours)}: ${parts}). ${phase.why}${first}${windows}`);
  });
  out.push('');
  if (p.notes.length > 0) out.push('### Data and account migration', '', ...p.notes.map((n) => `- ${mdEscape(n)}`), '');
  out.push('### Capabilities', '');
  for (const c of p.categories)
    out.push(
      ...capabilitySection(
        p.platform,
        c,
        findings.filter((f) => f.category === c.category),
        rules,
        max,
      ),
    );
  return out;
}

/** Most likely hours of the data, account and stored-file terms. */
function movesOf(p: PlatformCost): number {
  return p.categories
    .flatMap((c) => c.terms)
    .filter((t) => t.kind === 'data' || t.kind === 'identity' || t.kind === 'stored-files')
    .reduce((s, t) => s + t.likely, 0);
}

function capabilitySection(
  platform: string,
  c: CapabilityCost,
  findings: Finding[],
  rules: Map<string, RuleJson>,
  max: number,
): string[] {
  const out = [
    `#### ${capabilityTitle(c.category)} (${platformName(platform)}): ${estimateText(c.likely, c.total)}`,
    '',
  ];
  out.push(
    `${c.findings} touch points at ${c.sites} sites in ${c.files} files. Structure: ${c.structure.summary}.`,
    '',
  );
  const alternatives = [...new Set(findings.map((f) => f.ruleId))].sort().flatMap((id) => {
    const alt = rules.get(id)?.docs.alternative;
    return alt ? [{ id, alt }] : [];
  });
  const distinct = [...new Map(alternatives.map((a) => [a.alt, a])).values()];
  if (distinct.length > 0) {
    out.push('**Portable alternative:**', '');
    for (const a of distinct) out.push(`- ${mdEscape(a.alt)} (\`${a.id}\`)`);
    out.push('');
  }
  out.push(
    '**How the estimate is made:**',
    '',
    '| Term | Formula | Most likely | Range | Weights from |',
    '|---|---|---:|---:|---|',
  );
  for (const t of c.terms)
    out.push(
      `| ${mdEscape(t.label)} | ${mdEscape(t.formula)} | ${t.likely} | ${t.hours.low}–${t.hours.high} | ${mdEscape(t.source)} |`,
    );
  if (c.bounds.length > 0) {
    out.push('', '**Rewrite bound applied** (call-site work capped at a rewrite of the touched code):', '');
    for (const b of c.bounds)
      out.push(
        `- ${fileLink(b.file)}: ${b.touchedLines} touched lines, capped at ${b.cap} h (was ${b.before} h across capabilities)`,
      );
  }
  out.push('', '**Touch points:**', '');
  let listed = 0;
  for (const file of c.byFile) {
    if (listed >= max) break;
    const inFile = findings.filter((f) => f.file === file.file).sort(byLocation);
    out.push(`- ${fileLink(file.file)} (${file.role}, about ${file.likely} h of call-site and item work)`);
    for (const f of inFile.slice(0, max - listed))
      out.push(`  - ${fileLink(f.file, f.line)} ${mdEscape(f.message)} (\`${f.ruleId}\`)`);
    listed += Math.min(inFile.length, max - listed);
  }
  if (findings.length > listed)
    out.push(`- … and ${findings.length - listed} more (\`lockin-lens audit --format json\` lists them all)`);
  out.push('');
  return out;
}

function securitySection(security: Finding[]): string[] {
  const out = ['## Security findings to fix first', ''];
  for (const f of security)
    out.push(
      `- **${f.severity}** ${fileLink(f.file, f.line)} ${mdEscape(f.message)} (\`${f.ruleId}\`${f.cwe ? `, ${f.cwe}` : ''})`,
    );
  out.push('');
  return out;
}

function assumptionsSection(report: AuditReport): string[] {
  const cost = report.cost;
  const out = ['## Assumptions', '', ...cost.assumptions.map((a) => `- ${mdEscape(a)}`)];
  out.push(`- Weights: ${cost.calibration} (model ${cost.model}). ${mdEscape(cost.basis)}.`);
  for (const e of cost.errors ?? []) out.push(`- Ignored override: ${mdEscape(e)}`);
  out.push('', 'Re-create this plan with `npx lockin-lens audit --format markdown > EXIT-PLAN.md`.', '');
  return out;
}
