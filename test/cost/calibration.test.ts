// The calibration file: valid against its schema, complete, naming only rules that exist, and
// overridable piece by piece with bad pieces reported rather than fatal.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { writeFileSync } from 'node:fs';
import { applyOverrides, builtinCalibration, estimateCost, loadCalibration } from '../../server/src/engine/cost';
import { writeTree } from '../helpers/workspace';
import { finding, ruleSet, rulesDir } from './helpers';

describe('rules/calibration.json', () => {
  const cal = builtinCalibration();

  it('loads, validates and is complete', () => {
    assert.equal(cal.values.version, 1);
    assert.deepEqual(Object.keys(cal.values.grades).sort(), ['L', 'M', 'S', 'XL']);
    for (const c of ['sdk', 'auth', 'database', 'storage', 'functions', 'realtime', 'ai', 'messaging', 'config', 'hosting']) {
      assert.ok(cal.values.capabilities[c]?.seam, `capability ${c} has a seam`);
    }
    assert.ok(cal.values.assumptions.length >= 5);
  });

  it('names only built-in lock-in rules, and every lock-in rule gets a weight', () => {
    const lockin = new Map(ruleSet.rules.filter((r) => r.kind === 'lockin').map((r) => [r.id, r]));
    for (const id of Object.keys(cal.values.rules)) assert.ok(lockin.has(id), `calibration names ${id}, which is not a built-in lock-in rule`);
    for (const rule of lockin.values()) assert.ok(rule.effort && cal.values.grades[rule.effort], `${rule.id} has a grade the calibration prices`);
  });

  it('compiles every subject pattern', () => {
    for (const [id, w] of Object.entries(cal.values.rules)) if (w.subject) assert.doesNotThrow(() => new RegExp(w.subject!), id);
  });

  it('rejects a broken calibration file with the field at fault', () => {
    const dir = writeTree({ 'calibration.json': JSON.stringify({ ...cal.values, siteExponent: 2 }) });
    assert.throws(() => loadCalibration(join(dir, 'calibration.json')), /siteExponent/);
    writeFileSync(join(dir, 'calibration.json'), JSON.stringify({ ...cal.values, files: { hours: [2, 1], exponent: 0.8 } }));
    assert.throws(() => loadCalibration(join(dir, 'calibration.json')), /files\.hours has low 2 above high 1/);
  });

  it('is the file the schema describes (rules/calibration.schema.json sits next to it)', () => {
    assert.equal(cal.file, join(rulesDir, 'calibration.json'));
  });
});

describe('calibration overrides', () => {
  const base = builtinCalibration();

  it('applies a valid piece and marks where it came from', () => {
    const resolved = applyOverrides(base, { capabilities: { database: { seam: [4, 10] } }, rules: { 'supabase/query-builder': { hours: [1, 1] } } });
    assert.deepEqual(resolved.errors, []);
    assert.deepEqual(resolved.values.capabilities.database.seam, [4, 10]);
    assert.equal(resolved.values.capabilities.database.seamLabel, base.values.capabilities.database.seamLabel, 'siblings keep their values');
    const cost = estimateCost([finding('supabase/query-builder', 'database', 'src/db.ts', 3)], { calibration: resolved });
    const terms = cost.platforms[0].categories[0].terms;
    assert.equal(terms.find((t) => t.kind === 'seam')!.source, 'settings: capabilities.database.seam');
    assert.equal(terms.find((t) => t.kind === 'sites')!.source, 'settings: rules.supabase/query-builder.hours');
    const sites = terms.find((t) => t.kind === 'sites')!;
    assert.equal(sites.likely, 1, 'most likely at the middle of the overridden pair');
    assert.deepEqual(sites.hours, { low: 0.8, high: 1.3 }, 'the pace band around it');
    assert.match(cost.calibration, /overrides/);
    assert.equal(base.values.capabilities.database.seam[0], 8, 'the built-in calibration is not modified');
  });

  it('skips and reports a bad piece while the others apply', () => {
    const resolved = applyOverrides(base, { capabilities: { database: { seam: [10, 4] }, auth: { seam: [1, 2] } }, grades: { Q: { site: [1, 2] } }, siteExponent: 'steep' });
    assert.equal(resolved.errors.length, 3, resolved.errors.join('\n'));
    assert.ok(resolved.errors.some((e) => e.includes('capabilities.database')));
    assert.ok(resolved.errors.some((e) => e.includes('grades.Q')));
    assert.ok(resolved.errors.some((e) => e.includes('siteExponent')));
    assert.deepEqual(resolved.values.capabilities.database.seam, base.values.capabilities.database.seam);
    assert.deepEqual(resolved.values.capabilities.auth.seam, [1, 2]);
    const cost = estimateCost([], { overrides: { siteExponent: 'steep' } });
    assert.equal(cost.errors?.length, 1, 'estimates carry the override errors');
  });

  it('treats a non-object as one error', () => {
    assert.deepEqual(applyOverrides(base, 42).errors, ['settings: cost overrides must be an object']);
  });
});
