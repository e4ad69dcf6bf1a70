// The SARIF the CLI writes uploads to GitHub code scanning: checked against GitHub's constraints
// (test/helpers/githubSarif.ts) for every example app, and the checker shown to catch each breach.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { githubUploadProblems } from '../helpers/githubSarif';

const ROOT = join(__dirname, '..', '..', '..');
const BIN = join(ROOT, 'bin', 'lockin-lens.js');

function sarifOf(app: string): any {
  const run = spawnSync(process.execPath, [BIN, 'audit', join(ROOT, 'examples', app), '--format', 'sarif'], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout);
}

describe('SARIF for GitHub code scanning', () => {
  const apps = ['base44-app', 'supabase-app', 'firebase-app', 'express-postgres'];
  const docs = new Map(apps.map((app) => [app, sarifOf(app)]));

  for (const app of apps) {
    it(`${app}: one run, rule help, relative URIs with a declared base, partial fingerprints`, () => {
      const doc = docs.get(app);
      assert.deepEqual(githubUploadProblems(doc), []);
      assert.equal(doc.runs.length, 1);
    });
  }

  it('carries results worth uploading (the checks above ran on real findings)', () => {
    const run = docs.get('supabase-app').runs[0];
    assert.ok(run.results.length > 100);
    assert.ok(run.tool.driver.rules.some((r: { properties: { tags: string[] } }) => r.properties.tags.includes('security')));
  });

  it('reports each breach of the constraints', () => {
    const breach = (change: (doc: any) => void) => {
      const doc = structuredClone(docs.get('supabase-app'));
      change(doc);
      return githubUploadProblems(doc);
    };
    assert.match(breach((d) => d.runs.push(structuredClone(d.runs[0]))).join(), /a second run of tool 'Lock-in Lens'/);
    assert.match(breach((d) => delete d.runs[0].results[3].partialFingerprints).join(), /result 3: no partialFingerprints/);
    assert.match(breach((d) => delete d.runs[0].tool.driver.rules[0].help).join(), /no help\.text/);
    assert.match(breach((d) => (d.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'file:///abs/src/x.ts')).join(), /is not relative/);
    assert.match(breach((d) => (d.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = '../x.ts')).join(), /is not relative/);
    assert.match(breach((d) => delete d.runs[0].originalUriBaseIds).join(), /URI base '%SRCROOT%' is not declared/);
    assert.match(breach((d) => (d.runs[0].results[0].ruleId = 'x/y')).join(), /ruleId 'x\/y' is not among/);
    const security = (d: any) => d.runs[0].tool.driver.rules.find((r: { properties: { tags: string[] } }) => r.properties.tags.includes('security'));
    assert.match(breach((d) => delete security(d).properties['security-severity']).join(), /security rule without a security-severity/);
  });
});
