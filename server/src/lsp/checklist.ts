// The decision checklist of design.md §0, answered from the evidence the server holds. Questions
// the code cannot answer say so; `documented` is completed by the client, which knows when the exit
// plan was exported.

import type { CostSummary } from '../engine/cost';
import { hasResultErrorCalls, ResultCheck, uncheckedResults } from '../engine/failurePaths';
import { fileKindOf } from '../engine/scan/fileKinds';
import type { FileScan } from '../engine/scan/scanFile';
import type { ChecklistAnswer, CostView, SourceLocation } from '../protocol';
import { firstOf, LocatedFinding } from './located';

/** Files that declare the data model in a platform's own terms: migrations, security rules, entity schemas. */
const SCHEMA_FILE = /\.(?:sql|rules|graphql)$|(?:^|\/)(?:entities|pb_migrations|schemas?)\/|(?:^|\/)schema\.[cm]?[jt]s$/;

export function checklistAnswers(located: LocatedFinding[], summary: CostSummary, cost: CostView): ChecklistAnswer[] {
  return [
    {
      id: 'backend-blocking',
      question: 'Is the backend blocking user testing right now?',
      status: 'ask',
      evidence: 'Code cannot tell: ask the team whether users can test the real flows today.',
    },
    dataModel(located, summary),
    securityDefaults(located),
    migrationCost(cost),
    failurePaths(located),
    {
      id: 'documented',
      question: 'Are the platform-specific parts written down?',
      status: 'todo',
      evidence: 'The exit plan has not been exported.',
    },
  ];
}

function dataModel(located: LocatedFinding[], summary: CostSummary): ChecklistAnswer {
  const question = 'Does the data model fit the platform without heavy customisation?';
  const lockin = located.filter((l) => l.finding.kind === 'lockin');
  const names = new Map<string, string[]>();
  for (const p of summary.platforms) {
    const objects = p.categories.filter((c) => c.category === 'database').flatMap((c) => c.objects);
    if (objects.length > 0) names.set(p.platform, [...new Set(objects)].sort());
  }
  const schema = lockin.filter((l) => SCHEMA_FILE.test(l.rel));
  const collections = [...names.values()].reduce((n, list) => n + list.length, 0);
  const named = [...names].map(([platform, list]) => `${platform}: ${list.slice(0, 6).join(', ')}${list.length > 6 ? ', …' : ''}`).join('; ');
  const used = collections > 0 ? `${collections} collections, tables or entities touched (${named})` : 'No collections, tables or entities named in platform data access';
  if (schema.length === 0) return { id: 'data-model', question, status: 'ok', evidence: `${used}; no platform-specific schema features found.` };
  const byRule = countBy(schema.map((l) => l.finding.ruleId)).slice(0, 4).map(([rule, n]) => `${rule} ×${n}`).join(', ');
  return {
    id: 'data-model',
    question,
    status: 'attention',
    evidence: `${used}; ${schema.length} platform-specific schema features in migrations, rules and entity definitions (${byRule}).`,
    at: firstOf(schema),
  };
}

function securityDefaults(located: LocatedFinding[]): ChecklistAnswer {
  const question = 'Were the security defaults reviewed, not just accepted?';
  const security = located.filter((l) => l.finding.kind === 'security');
  if (security.length === 0) return { id: 'security-defaults', question, status: 'ok', evidence: 'No open security findings.' };
  const errors = security.filter((l) => l.finding.severity === 'error');
  const categories = countBy(security.map((l) => l.finding.category)).map(([c, n]) => `${c} ${n}`).join(', ');
  return {
    id: 'security-defaults',
    question,
    status: 'attention',
    evidence: `${security.length} open security findings (${errors.length} errors; ${categories}). Fix them, or suppress each with a reason once reviewed.`,
    at: firstOf(errors) ?? firstOf(security),
  };
}

function migrationCost(cost: CostView): ChecklistAnswer {
  const question = 'Is the migration cost known, should the platform change or stop fitting?';
  if (cost.platforms.length === 0) return { id: 'migration-cost', question, status: 'ok', evidence: 'No platform touch points: nothing to migrate.' };
  const platforms = cost.platforms.map((p) => `${p.platform} ${p.range.low}–${p.range.high} h`).join(', ');
  const calendar = cost.calendar ? `, over ${cost.calendar.range.low}–${cost.calendar.range.high} ${cost.calendar.unit} of calendar time` : '';
  const label = cost.provisional ? ` (provisional: ${cost.provisionalReasons?.[0] ?? 'the audit saw little of the platform\'s use'})` : '';
  return {
    id: 'migration-cost',
    question,
    status: cost.provisional ? 'attention' : 'ok',
    evidence: `Estimated ${cost.likely !== undefined ? `about ${cost.likely} h (${cost.total.low}–${cost.total.high} h)` : `${cost.total.low}–${cost.total.high} h`} of effort${calendar}${label}: ${platforms}. Export the exit plan for the terms behind each number.`,
  };
}

function failurePaths(located: LocatedFinding[]): ChecklistAnswer {
  const question = 'Were the failure paths tested, not just the happy path?';
  const checks = resultChecks(located);
  const calls = checks.reduce((n, c) => n + c.check.calls, 0);
  const unchecked = checks.flatMap((c) => c.check.unchecked.map((u): SourceLocation => ({ uri: c.uri, line: u.line, column: u.column })));
  if (calls === 0) {
    return { id: 'failure-paths', question, status: 'ask', evidence: 'No Supabase results to inspect; code cannot show whether failures were tested: ask, and test empty data, duplicates, permissions and timeouts.' };
  }
  if (unchecked.length === 0) {
    return { id: 'failure-paths', question, status: 'ok', evidence: `All ${calls} inspected Supabase results read their error. Tests of empty data, duplicates, permissions and timeouts are still worth asking about.` };
  }
  return {
    id: 'failure-paths',
    question,
    status: 'attention',
    evidence: `${unchecked.length} of ${calls} Supabase calls never read the error they return (destructured without its error, or the result dropped), so a failure passes silently.`,
    at: unchecked[0],
  };
}

/** Result checks per JS file that calls a platform returning `{ data, error }`, cached per scan. */
function resultChecks(located: LocatedFinding[]): { uri: string; check: ResultCheck }[] {
  const byUri = new Map<string, LocatedFinding[]>();
  for (const l of located) if (fileKindOf(l.rel) === 'js') byUri.set(l.uri, [...(byUri.get(l.uri) ?? []), l]);
  const out: { uri: string; check: ResultCheck }[] = [];
  for (const [uri, items] of byUri) {
    const findings = items.map((l) => l.finding);
    const scan = items[0].folder.state.scans.get(items[0].rel);
    if (!scan || !hasResultErrorCalls(findings)) continue;
    const key = findings.map((f) => `${f.ruleId}:${f.line}:${f.column}`).join('|');
    let cached = resultCache.get(scan);
    if (cached?.key !== key) resultCache.set(scan, (cached = { key, check: uncheckedResults(scan.file, scan.text, findings) }));
    out.push({ uri, check: cached.check });
  }
  return out;
}

/** A file's scan object is replaced when its text changes, so the cache follows edits by itself. */
const resultCache = new WeakMap<FileScan, { key: string; check: ResultCheck }>();

function countBy(values: string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
