// A .gitignore pattern that names files by their extension (`*.json`, for service-account keys)
// also matches package.json, which git still tracks: the manifest is read, the keys are not.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auditFolder } from '../../server/src/engine/audit';
import { walkSkips } from '../../server/src/engine/workspace/walk';
import { testRuleSet, writeTree } from '../helpers/workspace';

describe('package manifests under a broad .gitignore', () => {
  it('reads package.json that *.json matches, and leaves other JSON and ignored folders out', async () => {
    const root = writeTree({
      '.gitignore': '*.json\nold/\n',
      'api/package.json': JSON.stringify({ dependencies: { '@acme/sdk': '^1.0.0' } }),
      'api/service-key.json': JSON.stringify({ note: '@acme/sdk' }),
      'old/package.json': JSON.stringify({ dependencies: { '@acme/sdk': '^0.1.0' } }),
    });
    const report = await auditFolder(root, testRuleSet(), { workers: 0 });
    assert.deepEqual(report.findings.map((f) => `${f.ruleId} ${f.file}`), ['acme/dependency api/package.json']);
    assert.equal(walkSkips(root, 'api/package.json'), false);
    assert.equal(walkSkips(root, 'api/service-key.json'), true);
    assert.equal(walkSkips(root, 'old/package.json'), true);
  });
});
