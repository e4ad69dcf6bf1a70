// The decision checklist of design.md §0, answered from the evidence the server holds. Questions
// the code cannot answer say so; `documented` is completed by the client, which knows when the exit
// plan was exported.

import type { CostSummary } from '../engine/cost';
import { platformName } from '../engine/cost';
import type { ResultCheck } from '../engine/failurePaths';
import { fileKindOf } from '../engine/scan/fileKinds';
import type { ChecklistAnswer, CostView, SourceLocation } from '../protocol';
import type { FailureEvidence } from './failureEvidence';
import { firstOf, LocatedFinding } from './located';

/** Files that declare the data model in a platform's own terms: migrations, security rules, entity schemas. */
const SCHEMA_FILE =
  /\.(?:sql|rules|graphql)$|(?:^|\/)(?:entities|pb_migrations|schemas?)\/|(?:^|\/)schema\.[cm]?[jt]s$/;

/**
 * The answers; undefined while some files wait for the failure-path inspection (see
 * failureEvidence.ts: it calls back when they are done).
 */
export function checklistAnswers(
  located: LocatedFinding[],
  summary: CostSummary,
  cost: CostView,
  evidence: FailureEvidence,
): ChecklistAnswer[] | undefined {
  const failures = failurePaths(located, evidence);
  if (!failures) return undefined;
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
    failures,
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
  const named = [...names]
    .map(([platform, list]) => `${platform}: ${list.slice(0, 6).join(', ')}${list.length > 6 ? ', …' : ''}`)
    .join('; ');
  const used =
    collections > 0
      ? `${collections} collections, tables or entities touched (${named})`
      : 'No collections, tables or entities named in platform data access';
  if (schema.length === 0)
    return {
      id: 'data-model',
      question,
      status: 'ok',
      evidence: `${used}; no platform-specific schema features found.`,
    };
  const byRule = countBy(schema.map((l) => l.finding.ruleId))
    .slice(0, 4)
    .map(([rule, n]) => `${rule} ×${n}`)
    .join(', ');
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
  if (security.length === 0)
    return { id: 'security-defaults', question, status: 'ok', evidence: 'No open security findings.' };
  const errors = security.filter((l) => l.finding.severity === 'error');
  const categories = countBy(security.map((l) => l.finding.category))
    .map(([c, n]) => `${c} ${n}`)
    .join(', ');
  return {
    id: 'security-defaults',
    question,
    status: 'attention',
    evidence: `${security.length} open security findings (${errors.length} errors; ${categories}). Fix them, or ` +
      `suppress each with a reason once reviewed.`,
    at: firstOf(errors) ?? firstOf(security),
  };
}

function migrationCost(cost: CostView): ChecklistAnswer {
  const question = 'Is the migration cost known, should the platform change or stop fitting?';
  if (cost.platforms.length === 0)
    return { id: 'migration-cost', question, status: 'ok', evidence: 'No platform touch points: nothing to migrate.' };
  const platforms = cost.platforms
    .map((p) => `${platformName(p.platform)} ${p.range.low}–${p.range.high} h`)
    .join(', ');
  const calendar = cost.calendar
    ? `, over ${cost.calendar.range.low}–${cost.calendar.range.high} ${cost.calendar.unit} of calendar time`
    : '';
  // An estimate is not a known cost: the team still has to check it against its own work.
  const likely =
    cost.likely !== undefined
      ? `about ${cost.likely} h (${cost.total.low}–${cost.total.high} h)`
      : `${cost.total.low}–${cost.total.high} h`;
  const provisional = cost.provisional
    ? ` Provisional: ${cost.provisionalReasons?.[0] ?? "the audit saw little of the platform's use"}.`
    : '';
  return {
    id: 'migration-cost',
    question,
    status: 'estimate',
    evidence: `Estimated, not known: ${likely} of effort${calendar} (${platforms}).${provisional} Check the terms ` +
      `behind each number against the team's own pace; the exit plan lists them.`,
  };
}

function failurePaths(located: LocatedFinding[], evidence: FailureEvidence): ChecklistAnswer | undefined {
  const question = 'Were the failure paths tested, not just the happy path?';
  const checks = platformChecks(located, evidence);
  if (!checks) return undefined;
  const inspected = checks.filter((c) => c.calls > 0);
  if (inspected.length === 0) {
    const present = [
      ...new Set(located.filter((l) => l.finding.kind === 'lockin').map((l) => platformName(l.finding.platform))),
    ].sort();
    const calls =
      present.length > 0
        ? `No ${present.join(', ')} calls whose failure handling the code shows`
        : 'No platform calls to inspect';
    return {
      id: 'failure-paths',
      question,
      status: 'ask',
      evidence: `${calls}; code cannot show whether failures were tested: ask, and test empty data, duplicates, permissions and timeouts.`,
    };
  }
  const sentences = inspected.map(failureSentence);
  const unchecked = inspected.flatMap((c) => c.unchecked);
  if (unchecked.length === 0) {
    return {
      id: 'failure-paths',
      question,
      status: 'ok',
      evidence: `${sentences.join(' ')} Tests of empty data, duplicates, permissions and timeouts are still worth asking about.`,
    };
  }
  return { id: 'failure-paths', question, status: 'attention', evidence: sentences.join(' '), at: unchecked[0] };
}

function failureSentence(c: PlatformCheck): string {
  const name = platformName(c.platform);
  if (c.unchecked.length === 0) return `All ${c.calls} inspected ${name} calls handle their failure.`;
  if (c.platform === 'supabase') {
    return `${c.unchecked.length} of ${c.calls} Supabase calls never read the error they return (destructured without ` +
      `its error, or the result dropped), so a failure passes silently.`;
  }
  return `${c.unchecked.length} of ${c.calls} ${name} calls are awaited with no try/catch (or chained with no ` +
    `.catch), so a failure rejects unhandled.`;
}

interface PlatformCheck {
  platform: string;
  calls: number;
  unchecked: SourceLocation[];
}

/** Supabase's `{ data, error }` results first, then the platforms whose calls reject, by name. */
function platformChecks(located: LocatedFinding[], evidence: FailureEvidence): PlatformCheck[] | undefined {
  const files = fileChecks(located, evidence);
  if (!files) return undefined;
  const byPlatform = new Map<string, PlatformCheck>();
  for (const { uri, platform, check } of files) {
    const entry = byPlatform.get(platform) ?? { platform, calls: 0, unchecked: [] };
    entry.calls += check.calls;
    entry.unchecked.push(...check.unchecked.map((u): SourceLocation => ({ uri, line: u.line, column: u.column })));
    byPlatform.set(platform, entry);
  }
  return [...byPlatform.values()].sort(
    (a, b) =>
      Number(b.platform === 'supabase') - Number(a.platform === 'supabase') || a.platform.localeCompare(b.platform),
  );
}

/** Failure checks per JS file and platform; undefined while some file waits for its inspection. */
function fileChecks(located: LocatedFinding[], evidence: FailureEvidence): FileResultCheck[] | undefined {
  const byUri = new Map<string, LocatedFinding[]>();
  for (const l of located) {
    if (fileKindOf(l.rel) !== 'js') continue;
    const list = byUri.get(l.uri);
    if (list) list.push(l); // not a copy per finding: a generated file has thousands
    else byUri.set(l.uri, [l]);
  }
  const out: FileResultCheck[] = [];
  let waiting = false;
  for (const [uri, items] of byUri) {
    const { folder, rel } = items[0];
    const scan = folder.state.scans.get(rel);
    if (!scan) continue;
    const checks = evidence.checksOf(
      scan,
      items.map((l) => l.finding),
      () => folder.state.scans.get(rel) === scan,
    );
    if (checks) out.push(...checks.map((c) => ({ uri, ...c })));
    else waiting = true; // every file is still offered: they are all inspected in one background run
  }
  return waiting ? undefined : out;
}

interface FileResultCheck {
  uri: string;
  platform: string;
  check: ResultCheck;
}

function countBy(values: string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
