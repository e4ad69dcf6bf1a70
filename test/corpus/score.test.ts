// The corpus scorer on a tiny app of our own (test/corpus/fixture-app) with its labels: what the
// audit finds there is scored as `npm run corpus` scores a real app, and the figures are exact.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { auditFolder } from '../../server/src/engine/audit';
import { builtinRulesDir } from '../../server/src/engine/rules/builtin';
import { loadRules } from '../../server/src/engine/rules/load';
import { AppScore, Label, labelFileProblems, LabelFile, scoreApp, ScoredInput } from './score';
import { byFamily, byPlatform, lockinGrid, precision, recall, tallyBy, total } from './tally';

const here = join(__dirname, '..', '..', '..', 'test', 'corpus');
const labels: LabelFile = JSON.parse(readFileSync(join(here, 'fixture-app.labels.json'), 'utf8'));

describe('corpus scoring of the fixture app', () => {
  let score: AppScore;
  before(async () => {
    const rulesDir = builtinRulesDir();
    const report = await auditFolder(join(here, 'fixture-app'), loadRules([rulesDir], rulesDir), { workers: 0 });
    score = scoreApp(labels, report.findings);
  });

  it('has a well-formed label file', () => {
    assert.deepEqual(labelFileProblems(labels, 'fixture-app'), []);
  });

  it('finds every lock-in label and one security label of two', () => {
    const sums = total([score]);
    assert.deepEqual(sums.lockin, { labels: 5, found: 5 });
    assert.deepEqual(sums.security, { labels: 2, found: 1 });
    assert.equal(recall(sums.security), 0.5);
    const missed = score.expected.filter((e) => !e.found).map((e) => `${e.label.file}:${e.label.line}`);
    assert.deepEqual(missed, ['server/index.js:19']);
  });

  it('breaks the quiet label of the middleware-guarded route and keeps the other three', () => {
    const sums = total([score]);
    assert.deepEqual(sums.quiet, { labels: 4, violated: 1 });
    const broken = score.quiet.filter((q) => q.violatedBy.length > 0);
    assert.deepEqual(broken.map((q) => [q.label.line, q.violatedBy.map((f) => f.ruleId)]), [[32, ['supabase/service-role-route-without-caller-check']]]);
  });

  it('judges the four loud findings: right by a label, wrong by a quiet label and by a verdict, one untriaged', () => {
    const judged = score.judged.map((j) => `${j.finding.file}:${j.finding.line} ${j.status} ${j.by ?? '-'}`).sort();
    assert.deepEqual(judged, [
      '.env.example:1 wrong verdict',
      'server/index.js:13 right label',
      'server/index.js:32 wrong quiet',
      'server/webhooks.js:5 untriaged -',
    ]);
    const sums = total([score]);
    assert.deepEqual(sums.precision, { right: 1, wrong: 2, untriaged: 1 });
    assert.equal(precision(sums), 1 / 3);
    assert.deepEqual(score.unusedVerdicts, []);
  });

  it('groups by platform and label family', () => {
    const platforms = tallyBy([score], byPlatform);
    assert.deepEqual([...platforms.keys()], ['generic', 'supabase']);
    assert.deepEqual(platforms.get('generic')!.security, { labels: 1, found: 0 });
    assert.deepEqual(platforms.get('generic')!.precision, { right: 0, wrong: 0, untriaged: 1 });
    assert.deepEqual(platforms.get('supabase')!.precision, { right: 1, wrong: 2, untriaged: 0 });
    const families = tallyBy([score], byFamily);
    assert.deepEqual(families.get('guarded')!.quiet, { labels: 2, violated: 1 });
    assert.deepEqual(families.get('client')!.lockin, { labels: 2, found: 2 });
  });
});

describe('corpus scoring windows and precedence', () => {
  const label = (expect: Label['expect'], line: number, family = 'query'): Label => ({ file: 'a.ts', line, expect, platform: 'supabase', category: 'database', family, reason: 'r' });
  const finding = (kind: ScoredInput['kind'], line: number, severity = 'error', ruleId = 'supabase/x'): ScoredInput => ({ ruleId, kind, platform: 'supabase', category: 'database', severity, file: 'a.ts', line });

  it('meets a lock-in label within one line and a security label within three', () => {
    const s = scoreApp({ app: 'a', labels: [label('lockin', 10), label('lockin', 20), label('security', 30), label('security', 40)] }, [finding('lockin', 11, 'info'), finding('lockin', 22, 'info'), finding('security', 33), finding('security', 44)]);
    assert.deepEqual(s.expected.map((e) => e.found), [true, false, true, false]);
  });

  it('counts a security finding of info severity neither for recall nor for precision', () => {
    const s = scoreApp({ app: 'a', labels: [label('security', 5)] }, [finding('security', 5, 'info')]);
    assert.deepEqual([s.expected[0].found, s.judged.length], [false, 0]);
  });

  it('lets a look-alike forbid any finding, and other quiet labels only loud security ones', () => {
    const s = scoreApp({ app: 'a', labels: [label('quiet', 5, 'lookalike'), label('quiet', 50, 'guarded')] }, [finding('lockin', 5, 'info'), finding('lockin', 50, 'info')]);
    assert.deepEqual(s.quiet.map((q) => q.violatedBy.length), [1, 0]);
  });

  it('lets a finding answer to the nearest label: one line closer to a security label keeps a quiet one', () => {
    // Open rule at line 5, its safe half at line 7: the finding on line 5 is the open rule's.
    const dense = scoreApp({ app: 'a', labels: [label('security', 5), label('quiet', 7, 'rules')] }, [finding('security', 5)]);
    assert.deepEqual([dense.expected[0].found, dense.quiet[0].violatedBy.length, dense.judged[0].status], [true, 0, 'right']);
    // On the quiet label's own line, or as near to it as to the security label, the finding breaks it.
    const onQuiet = scoreApp({ app: 'a', labels: [label('security', 5), label('quiet', 7, 'rules')] }, [finding('security', 7)]);
    const between = scoreApp({ app: 'a', labels: [label('security', 5), label('quiet', 7, 'rules')] }, [finding('security', 6)]);
    assert.deepEqual([onQuiet.quiet[0].violatedBy.length, between.quiet[0].violatedBy.length], [1, 1]);
    // A look-alike one line above a real client: the client's finding is the lock-in label's.
    const lookalike = scoreApp({ app: 'a', labels: [label('quiet', 12, 'lookalike'), label('lockin', 13)] }, [finding('lockin', 13, 'info')]);
    assert.equal(lookalike.quiet[0].violatedBy.length, 0);
  });

  it('lets a finding’s own verdict decide over a security label, and reports verdicts nothing matched', () => {
    const verdicts = [{ file: 'a.ts', line: 7, ruleId: 'supabase/x', verdict: 'false' as const, reason: 'r' }, { file: 'a.ts', line: 99, ruleId: 'supabase/x', verdict: 'true' as const, reason: 'r' }];
    const s = scoreApp({ app: 'a', labels: [label('security', 7)], verdicts }, [finding('security', 7)]);
    assert.deepEqual([s.judged[0].status, s.judged[0].by, s.expected[0].found], ['wrong', 'verdict', true]);
    assert.deepEqual(s.unusedVerdicts.map((v) => v.line), [99]);
  });

  it('grids lock-in recall by platform and each framework of the app, with only the cells that have labels', () => {
    const lockin = (platform: string, line: number): Label => ({ ...label('lockin', line), platform });
    const kit = scoreApp({ app: 'kit', labels: [lockin('supabase', 1), lockin('supabase', 9), lockin('pocketbase', 20), label('security', 30)] }, [finding('lockin', 1, 'info')]);
    const nuxt = scoreApp({ app: 'nuxt', labels: [lockin('supabase', 5)] }, [finding('lockin', 5, 'info')]);
    const frameworks: Record<string, string[]> = { kit: ['sveltekit', 'monorepo'], nuxt: ['nuxt'] };
    const grid = lockinGrid([nuxt, kit], (app) => frameworks[app]);
    const cells = [...grid].map(([platform, row]) => [platform, [...row].map(([fw, c]) => `${fw} ${c.found}/${c.labels}`)]);
    assert.deepEqual(cells, [
      ['pocketbase', ['monorepo 0/1', 'sveltekit 0/1']],
      ['supabase', ['monorepo 1/2', 'nuxt 1/1', 'sveltekit 1/2']],
    ]);
  });

  it('names what is wrong in a malformed label file', () => {
    const problems = labelFileProblems({ app: 'b', labels: [{ file: 'x', line: 0, expect: 'maybe', platform: 'p', category: 'c', family: 'f' }], verdicts: [{ verdict: true }] }, 'a');
    assert.deepEqual(problems, [
      'a: "app" is "b", expected "a"',
      'a: label 1: "expect" is "maybe" (lockin, security or quiet)',
      'a: label 1: "line" must be a whole number from 1',
      'a: label 1: "reason" is missing',
      'a: verdict 1: "verdict" must be "true" or "false"',
      'a: verdict 1: needs "file", "line" and "ruleId"',
    ]);
  });
});
