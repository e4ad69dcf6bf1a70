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
    const byKind = Object.fromEntries(db.terms.map((t) => [t.kind, t]));
    assert.equal(byKind.seam.likely, 14, 'database seam: the middle of 8–20 h');
    assert.deepEqual(byKind.seam.hours, { low: 11.2, high: 18.2 }, 'pace band 0.8–1.3 around it');
    // 4 sites (two calls on one line are one site); spread 1 + (8−1)·¼ = 2.75 at the middle of ×6–10
    // likely 0.375 × 4^0.8 × 2.75 = 3.126; pace swing −0.63/+0.94, spread swing ±0.375 × 4^0.8 × 0.5 = 0.57
    assert.equal(byKind.sites.likely, 3.1);
    assert.deepEqual(byKind.sites.swings.map((s: { name: string }) => s.name), ['pace', 'spread']);
    assert.deepEqual(byKind.sites.hours, { low: 2.2, high: 4.2 }, '3.1 − √(0.63² + 0.57²) … 3.1 + √(0.94² + 0.57²)');
    assert.equal(byKind.files.likely, 0.7, '0.375 h × 2^0.8');
    assert.equal(byKind.data.likely, 6, '2–6 h + 0.5–1.5 h × 2 tables, at the middle');
    assert.deepEqual(byKind.data.hours, { low: 3, high: 9 }, 'data volume: the whole calibrated width');
    assert.equal(db.likely, 23.8, 'the sum of the terms\' likely hours');
    // pace −3.56/+5.34 (added: the team's pace moves every term together), spread ±0.57, data ±3,
    // combined as independent uncertainties: 23.8 − √(3.56² + 0.57² + 3²) … 23.8 + √(5.34² + 0.57² + 3²)
    assert.deepEqual(db.total, { low: 19.1, high: 30 });
    assert.deepEqual(db.objects, ['notes', 'teams']);
    assert.equal(db.sites, 4);
    assert.equal(db.findings, 5);
    const fn = capability(cost, 'supabase', 'functions');
    assert.equal(fn.likely, 8, 'seam 4 h + 2 items × 2 h');
    assert.deepEqual(fn.total, { low: 6.4, high: 10.4 });
    assert.equal(cost.likely, 31.8);
    assert.deepEqual(cost.total, { low: 25.8, high: 40.1 });
    assert.ok(cost.total.high / cost.total.low <= 2.5, 'a range a team can plan with');
  });

  it('says why the range is as wide as it is', () => {
    assert.deepEqual(cost.uncertainties.map((u) => u.name), ['pace', 'data volume', 'spread']);
    close(cost.uncertainties.reduce((s, u) => s + u.share, 0), 1, 'shares add up to the whole width');
  });

  it('gives the structure signal and the calendar apart from effort', () => {
    assert.equal(db.structure.pattern, 'mixed');
    assert.deepEqual({ sites: db.structure.sites, ui: db.structure.uiSites, uiFiles: db.structure.uiFiles, modules: db.structure.moduleFiles }, { sites: 4, ui: 1, uiFiles: 1, modules: 1 });
    assert.deepEqual(db.structure.multiplier, { low: 2.25, high: 3.25 });
    assert.deepEqual(cost.calendar.weeks, { low: 1, high: 4 });
    assert.deepEqual(cost.platforms[0].calendar.windows.map((w) => w.category), ['database']);
  });

  it('states one assistance factor on code terms, not data terms', () => {
    assert.equal(cost.assistedFactor, 0.375, 'the middle of 0.25–0.5');
    // likely with assistance: (14 + 3.1 + 0.7) × 0.375 + 6 + 8 × 0.375 = 15.675 of 31.8, so the range × 0.4929
    assert.deepEqual(cost.assisted, { low: 12.7, high: 19.8 });
  });

  it('splits call-site work over files, UI sites weighing more', () => {
    const page = db.byFile.find((f) => f.file === 'src/pages/Notes.tsx')!;
    const lib = db.byFile.find((f) => f.file === 'src/lib/db.ts')!;
    assert.equal(page.role, 'ui');
    assert.equal(lib.role, 'module');
    assert.deepEqual(page.lines, [5]);
    assert.ok(page.likely > lib.likely, 'one UI site outweighs three module sites');
    close(page.likely + lib.likely, 3.1 + 0.7, 'file shares add up to the sites and files terms');
  });

  it('adds money when an hourly rate is set', () => {
    const priced = estimateCost(findings, { hourlyRate: 100, currency: 'EUR' });
    assert.deepEqual(priced.money, { rate: 100, currency: 'EUR', total: { low: 2580, high: 4010 } });
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
  const pins: Record<string, { likely: number; total: Range }> = {
    'base44-app': { likely: 62.6, total: { low: 48.8, high: 77 } },
    'supabase-app': { likely: 37.7, total: { low: 28.8, high: 47 } },
    'firebase-app': { likely: 69.7, total: { low: 49.1, high: 90.5 } },
    'express-postgres': { likely: 0, total: { low: 0, high: 0 } },
  };
  for (const [app, expected] of Object.entries(pins)) {
    it(`${app}: about ${expected.likely} h (${expected.total.low}–${expected.total.high} h)`, async () => {
      const { cost } = await auditExample(app);
      assert.deepEqual({ likely: cost.likely, total: cost.total }, expected);
      if (cost.likely > 0) assert.ok(cost.total.high / cost.total.low <= 2.5, 'high ÷ low ≤ 2.5');
    });
  }

  it('every likely figure is the sum of its terms, and every term says where its weights came from', async () => {
    for (const app of ['base44-app', 'supabase-app', 'firebase-app']) {
      const { cost } = await auditExample(app);
      for (const p of cost.platforms) {
        for (const c of p.categories) {
          close(c.terms.reduce((s, t) => s + t.likely, 0), c.likely, `${app} ${c.category} likely`);
          assert.ok(c.total.low <= c.likely && c.likely <= c.total.high, `${app} ${c.category}: the range holds the likely figure`);
          for (const t of c.terms) {
            assert.match(t.source, /^(calibration|settings): /, `${t.label} cites its weights`);
            assert.ok(t.formula.length > 0 && t.hours.low <= t.likely && t.likely <= t.hours.high, t.label);
            assert.ok(t.swings.length > 0, `${t.label} names its uncertainties`);
          }
        }
        close(p.categories.reduce((s, c) => s + c.likely, 0), p.likely, `${app} ${p.platform}`);
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
    const delta = after.likely - before.likely;
    assert.equal(capability(after, 'base44', 'database').sites, capability(before, 'base44', 'database').sites + 1, 'the new call was found');
    // Deals.jsx is already at its rewrite bound (examples are compact), so the call adds only the
    // rewrite of its own line: never more than a little, never less than nothing.
    assert.ok(capability(after, 'base44', 'database').bounds.some((b) => b.file === 'src/pages/Deals.jsx'), 'the page is bounded');
    assert.ok(delta >= -0.2, `it costs nothing less (but for rounding tenths): ${delta}`);
    assert.ok(delta <= 3, `and little: ${delta}`);
    assert.ok(delta < adoptionCost('base44', 'database').low, 'far less than adopting the capability');
  });

  it('a first call to a new capability moves the total by its fixed cost plus one site and one file', () => {
    const existing = [finding('supabase/query-builder', 'database', 'src/lib/db.ts', 1), finding('supabase/query-builder', 'database', 'src/lib/db.ts', 2)];
    const before = estimateCost(existing);
    const after = estimateCost([...existing, finding('supabase/storage', 'storage', 'src/lib/db.ts', 9, 'M', "Supabase Storage call on bucket 'avatars'")]);
    const delta = after.likely - before.likely;
    const fixed = adoptionCost('supabase', 'storage');
    const cal = builtinCalibration().values;
    const middle = (p: [number, number]) => (p[0] + p[1]) / 2;
    const tenth = (n: number) => Math.round(n * 10) / 10; // each term is rounded to 0.1 h on its own
    // seam + stored files for one bucket + one site + the storage capability's own files term
    const storedFiles = tenth((2 + 4 + 0.5 + 2) / 2);
    close(delta, tenth(middle(cal.capabilities.storage.seam)) + storedFiles + tenth(middle(cal.grades.M.site)) + tenth(middle(cal.files.hours)), 'likely');
    assert.deepEqual(fixed, { low: 5.5, high: 14 }, 'seam 3–8 h + stored files 2–4 h + 0.5–2 h for one bucket');
  });

  it('a real edit adopting Supabase AI in a small app costs the rewrite of its lines: the platform is at its rewrite bound', async () => {
    const root = copyExample('supabase-app');
    const before = (await auditFolder(root, ruleSet, { workers: 0 })).cost;
    appendFileSync(join(root, 'supabase/functions/invite-member/index.ts'), "\nexport const embedder = new Supabase.ai.Session('gte-small')\n");
    const after = (await auditFolder(root, ruleSet, { workers: 0 })).cost;
    assert.ok(capability(after, 'supabase', 'ai'), 'the AI capability appears');
    assert.ok(after.platforms[0].rewriteBound, 'the example is small: its code work is capped at a rewrite of its touched code');
    const delta = after.likely - before.likely;
    assert.ok(delta >= -0.2 && delta <= 1, `a new line to rewrite, not a new seam: ${delta}`);
  });

  it('adopting a capability in code the bound does not reach costs its seam and little else', () => {
    const unit = { line: 1, endLine: 2000 }; // a large module: far from its rewrite bound
    const existing = [1, 2, 3].map((line) => ({ ...finding('supabase/query-builder', 'database', 'src/lib/db.ts', line), unit }));
    const before = estimateCost(existing);
    const after = estimateCost([...existing, { ...finding('supabase/ai', 'ai', 'src/lib/db.ts', 9), unit }]);
    const fixed = adoptionCost('supabase', 'ai');
    const seam = (fixed.low + fixed.high) / 2;
    const delta = after.likely - before.likely;
    assert.ok(delta >= seam, `at least the seam: ${delta} vs ${seam}`);
    assert.ok(delta - seam <= 1, `plus one site and file: ${delta} vs ${seam}`);
  });
});
