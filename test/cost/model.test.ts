// The cost model's arithmetic, pinned: a hand-computed case, the example apps, and the two
// behaviours the model exists for (one more call moves the total a little; a new capability moves
// it by its fixed cost), plus the structure signal and traceability of every number.

import assert from 'node:assert/strict';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { auditFolder } from '../../server/src/engine/audit';
import { adoptionCost, builtinCalibration, estimateCost } from '../../server/src/engine/cost';
import type { CapabilityCost, CostSummary, Range } from '../../server/src/engine/cost';
import { auditExample, copyExample, finding, ruleSet } from './helpers';

const close = (actual: number, expected: number, what: string) => assert.ok(Math.abs(actual - expected) <= 0.051, `${what}: ${actual} ≠ ${expected}`);
const capability = (cost: CostSummary, platform: string, category: string): CapabilityCost =>
  cost.platforms.find((p) => p.platform === platform)!.categories.find((c) => c.category === category)!;
const minus = (a: Range, b: Range): Range => ({ low: Math.round((a.low - b.low) * 10) / 10, high: Math.round((a.high - b.high) * 10) / 10 });

describe('cost model arithmetic (hand-computed)', () => {
  // Supabase database: 4 query-builder sites (M: 0.25–0.5 h), 3 in a module and 1 in a page; two tables.
  // Supabase functions: 2 edge-function handlers (items, 1–3 h each).
  const findings = [
    finding('supabase/query-builder', 'database', 'src/lib/db.ts', 1, 'M', "Supabase Data API (PostgREST) query on 'notes'"),
    finding('supabase/query-builder', 'database', 'src/lib/db.ts', 2, 'M', "Supabase Data API (PostgREST) query on 'notes'"),
    finding('supabase/query-builder', 'database', 'src/lib/db.ts', 3, 'M', "Supabase Data API (PostgREST) query on 'teams'"),
    finding('supabase/query-builder', 'database', 'src/pages/Notes.tsx', 5, 'M', "Supabase Data API (PostgREST) query on 'notes'"),
    finding('supabase/query-builder', 'database', 'src/pages/Notes.tsx', 5, 'M', "Supabase Data API (PostgREST) query on 'notes'"),
    finding('supabase/edge-function-handler', 'functions', 'supabase/functions/a/index.ts', 3, 'S'),
    finding('supabase/edge-function-handler', 'functions', 'supabase/functions/b/index.ts', 3, 'S'),
  ];
  const cost = estimateCost(findings);
  const db = capability(cost, 'supabase', 'database');

  it('prices each term as docs/cost-model.md writes it', () => {
    const byKind = Object.fromEntries(db.terms.map((t) => [t.kind, t.hours]));
    assert.deepEqual(byKind.seam, { low: 8, high: 20 }, 'database seam 8–20 h');
    // 4 sites (two calls on one line are one site); spread 1 + (4−1)·¼ = 1.75 and 1 + (8−1)·¼ = 2.75
    // low 0.25 × 4^0.8 × 1.75 = 1.326, high 0.5 × 4^0.8 × 2.75 = 4.168
    assert.deepEqual(byKind.sites, { low: 1.3, high: 4.2 });
    assert.deepEqual(byKind.files, { low: 0.4, high: 0.9 }, '0.25–0.5 h × 2^0.8');
    assert.deepEqual(byKind.data, { low: 3, high: 9 }, '2–6 h + 0.5–1.5 h × 2 tables');
    assert.deepEqual(db.total, { low: 12.7, high: 34.1 });
    assert.deepEqual(db.objects, ['notes', 'teams']);
    assert.equal(db.sites, 4);
    assert.equal(db.findings, 5);
    const fn = capability(cost, 'supabase', 'functions');
    assert.deepEqual(fn.total, { low: 4, high: 12 }, 'seam 2–6 h + 2 items × 1–3 h');
    assert.deepEqual(cost.total, { low: 16.7, high: 46.1 });
  });

  it('gives the structure signal and the calendar apart from effort', () => {
    assert.equal(db.structure.pattern, 'mixed');
    assert.deepEqual({ sites: db.structure.sites, ui: db.structure.uiSites, uiFiles: db.structure.uiFiles, modules: db.structure.moduleFiles }, { sites: 4, ui: 1, uiFiles: 1, modules: 1 });
    assert.deepEqual(db.structure.multiplier, { low: 1.75, high: 2.75 });
    assert.deepEqual(cost.calendar.weeks, { low: 1, high: 4 });
    assert.deepEqual(cost.platforms[0].calendar.windows.map((w) => w.category), ['database']);
  });

  it('scales code terms, not data terms, for the assisted range', () => {
    // database: (8 + 1.3 + 0.4) × 0.25 + 3 and (20 + 4.2 + 0.9) × 0.5 + 9; functions: 4 × 0.25 and 12 × 0.5
    close(cost.assisted.low, 2.425 + 3 + 1, 'assisted low');
    close(cost.assisted.high, 12.55 + 9 + 6, 'assisted high');
  });

  it('splits call-site work over files, UI sites weighing more', () => {
    const page = db.byFile.find((f) => f.file === 'src/pages/Notes.tsx')!;
    const lib = db.byFile.find((f) => f.file === 'src/lib/db.ts')!;
    assert.equal(page.role, 'ui');
    assert.equal(lib.role, 'module');
    assert.deepEqual(page.lines, [5]);
    assert.ok(page.hours.high > lib.hours.high / 3 * 1.5, 'one UI site outweighs one module site');
    close(page.hours.low + lib.hours.low, 1.3 + 0.4, 'file shares add up to the sites and files terms');
  });

  it('adds money when an hourly rate is set', () => {
    const priced = estimateCost(findings, { hourlyRate: 100, currency: 'EUR' });
    assert.deepEqual(priced.money, { rate: 100, currency: 'EUR', total: { low: 1670, high: 4610 } });
  });

  it('prices nothing without lock-in findings', () => {
    const empty = estimateCost([{ ...findings[0], kind: 'security' }]);
    assert.deepEqual(empty.total, { low: 0, high: 0 });
    assert.deepEqual(empty.platforms, []);
  });
});

describe('cost model on the example apps', () => {
  // Pinned so that a change to the weights, the formulas or the rules is seen and the comparison in
  // docs/cost-model.md is updated with it.
  const pins: Record<string, Range> = {
    'base44-app': { low: 105.2, high: 334.4 },
    'supabase-app': { low: 63.3, high: 171.2 },
    'firebase-app': { low: 107.8, high: 303.8 },
    'express-postgres': { low: 0, high: 0 },
  };
  for (const [app, expected] of Object.entries(pins)) {
    it(`${app}: ${expected.low}–${expected.high} h`, async () => {
      const { cost } = await auditExample(app);
      assert.deepEqual(cost.total, expected);
    });
  }

  it('every range is the sum of its terms, and every term says where its weights came from', async () => {
    for (const app of ['base44-app', 'supabase-app', 'firebase-app']) {
      const { cost } = await auditExample(app);
      for (const p of cost.platforms) {
        for (const c of p.categories) {
          close(c.terms.reduce((s, t) => s + t.hours.low, 0), c.total.low, `${app} ${c.category} low`);
          close(c.terms.reduce((s, t) => s + t.hours.high, 0), c.total.high, `${app} ${c.category} high`);
          for (const t of c.terms) {
            assert.match(t.source, /^(calibration|settings): /, `${t.label} cites its weights`);
            assert.ok(t.formula.length > 0 && t.hours.low <= t.hours.high, t.label);
          }
        }
        close(p.categories.reduce((s, c) => s + c.total.high, 0), p.total.high, `${app} ${p.platform}`);
      }
    }
  });

  it('sees Base44 entity calls spread through pages and Supabase queries behind feature modules', async () => {
    const base44 = capability((await auditExample('base44-app')).cost, 'base44', 'database');
    assert.equal(base44.structure.pattern, 'spread');
    assert.equal(base44.structure.uiSites, 9);
    assert.deepEqual(base44.objects, ['Activity', 'Deal']);
    const supabase = capability((await auditExample('supabase-app')).cost, 'supabase', 'database');
    assert.equal(supabase.structure.pattern, 'concentrated');
    assert.equal(supabase.structure.uiSites, 0);
    for (const table of ['activity_log', 'notes', 'profiles', 'shared_links', 'team_members', 'teams']) assert.ok(supabase.objects.includes(table), table);
  });
});

describe('marginal and fixed costs', () => {
  it('one more call to a capability already in use moves the total a little', async () => {
    const root = copyExample('base44-app');
    const page = join(root, 'src/pages/Deals.jsx');
    const before = (await auditFolder(root, ruleSet, { workers: 0 })).cost;
    writeFileSync(page, readFileSync(page, 'utf8').replace(/\n(export default function)/, "\nexport const countOpenDeals = () => Deal.filter({ stage: 'open' });\n\n$1"));
    const after = (await auditFolder(root, ruleSet, { workers: 0 })).cost;
    const delta = minus(after.total, before.total);
    assert.equal(capability(after, 'base44', 'database').sites, capability(before, 'base44', 'database').sites + 1, 'the new call was found');
    assert.ok(delta.low > 0 && delta.high > 0, `it costs something: ${JSON.stringify(delta)}`);
    assert.ok(delta.high <= 5, `but little: ${JSON.stringify(delta)}`);
    assert.ok(delta.high < adoptionCost('base44', 'database').low, 'far less than adopting the capability');
  });

  it('a first call to a new capability moves the total by its fixed cost plus one site and one file', () => {
    const existing = [finding('supabase/query-builder', 'database', 'src/lib/db.ts', 1), finding('supabase/query-builder', 'database', 'src/lib/db.ts', 2)];
    const before = estimateCost(existing);
    const after = estimateCost([...existing, finding('supabase/storage', 'storage', 'src/lib/db.ts', 9, 'M', "Supabase Storage call on bucket 'avatars'")]);
    const delta = minus(after.total, before.total);
    const fixed = adoptionCost('supabase', 'storage');
    const cal = builtinCalibration().values;
    const [site, file] = [cal.grades.M.site, cal.files.hours];
    const tenth = (n: number) => Math.round(n * 10) / 10; // each term is rounded to 0.1 h on its own
    close(delta.low, fixed.low + tenth(site[0]) + tenth(file[0]), 'low');
    close(delta.high, fixed.high + tenth(site[1]) + tenth(file[1]), 'high');
    assert.deepEqual(fixed, { low: 5.5, high: 14 }, 'seam 3–8 h + stored files 2–4 h + 0.5–2 h for one bucket');
  });

  it('a real edit adopting Supabase AI in an edge function costs the AI seam and little else', async () => {
    const root = copyExample('supabase-app');
    const before = (await auditFolder(root, ruleSet, { workers: 0 })).cost;
    appendFileSync(join(root, 'supabase/functions/invite-member/index.ts'), "\nexport const embedder = new Supabase.ai.Session('gte-small')\n");
    const after = (await auditFolder(root, ruleSet, { workers: 0 })).cost;
    const ai = capability(after, 'supabase', 'ai');
    assert.ok(ai, 'the AI capability appears');
    const delta = minus(after.total, before.total);
    const fixed = adoptionCost('supabase', 'ai');
    assert.ok(delta.low >= fixed.low && delta.high >= fixed.high, `at least the fixed cost: ${JSON.stringify(delta)}`);
    assert.ok(delta.high - fixed.high <= 1.5, `plus one site and file: ${JSON.stringify(delta)} vs ${JSON.stringify(fixed)}`);
  });
});
