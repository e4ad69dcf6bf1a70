// SARIF 2.1.0 output: valid against the official schema (draft-04, so ajv-draft-04), and carrying
// what GitHub code scanning and reviewers need: rule metadata, locations, partial fingerprints and
// kind/platform/category/effort properties.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toSarif } from '../../server/src/engine/report/sarif';
import { auditExample, ruleSet } from '../cost/helpers';
import { sarifValidator as validator } from '../helpers/sarifSchema';

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number } } }[];
  partialFingerprints: Record<string, string>;
  properties: Record<string, string>;
}

describe('SARIF 2.1.0', () => {
  const validate = validator();

  it('validates against the schema for every example app', async () => {
    for (const app of ['base44-app', 'supabase-app', 'firebase-app', 'express-postgres']) {
      const doc = toSarif(await auditExample(app), ruleSet.rules);
      assert.ok(validate(doc), `${app}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
    }
  });

  it('fails validation when a result is malformed (the check can fail)', async () => {
    const doc = toSarif(await auditExample('base44-app'), ruleSet.rules) as { runs: { results: { level: string }[] }[] };
    doc.runs[0].results[0].level = 'fatal';
    assert.equal(validate(doc), false);
  });

  it('describes each rule that fired, with help text and GitHub properties', async () => {
    const report = await auditExample('supabase-app');
    const run = (toSarif(report, ruleSet.rules) as { runs: { tool: { driver: { rules: Record<string, any>[] } }; results: SarifResult[] }[] }).runs[0];
    const ids = run.tool.driver.rules.map((r) => r.id);
    assert.deepEqual(ids, [...new Set(report.findings.map((f) => f.ruleId))].sort());
    const query = run.tool.driver.rules.find((r) => r.id === 'supabase/query-builder')!;
    assert.equal(query.defaultConfiguration.level, 'note');
    assert.deepEqual(query.properties.tags, ['lock-in', 'supabase', 'database']);
    assert.equal(query.properties.effort, 'M');
    assert.match(query.help.markdown, /Portable alternative/);
    const key = run.tool.driver.rules.find((r) => r.id === 'supabase/service-role-key')!;
    assert.equal(key.defaultConfiguration.level, 'error');
    assert.ok(key.properties.tags.includes('security'));
    assert.equal(key.properties['security-severity'], '8.0');
    assert.ok(key.properties.tags.some((t: string) => t.startsWith('external/cwe/cwe-')));
  });

  it('gives each result a root-relative location, a unique fingerprint and the finding properties', async () => {
    const report = await auditExample('base44-app');
    const run = (toSarif(report, ruleSet.rules) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: SarifResult[] }[] }).runs[0];
    assert.equal(run.results.length, report.findings.length);
    const fingerprints = new Set(run.results.map((r) => r.partialFingerprints['lockinLens/v1']));
    assert.equal(fingerprints.size, run.results.length, 'partial fingerprints are unique');
    const r = run.results.find((x) => x.locations[0].physicalLocation.artifactLocation.uri === 'src/pages/DealDetail.jsx' && x.ruleId === 'base44/entities')!;
    assert.equal(r.locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.equal(r.locations[0].physicalLocation.region.startLine, 20);
    assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
    assert.deepEqual({ kind: r.properties.kind, platform: r.properties.platform, category: r.properties.category, effort: r.properties.effort }, { kind: 'lockin', platform: 'base44', category: 'database', effort: 'L' });
    const security = run.results.find((x) => x.ruleId === 'base44/service-role-without-caller-check')!;
    assert.equal(security.level, 'error');
    assert.equal(security.properties.kind, 'security');
  });
});
