// The report is the same whichever way the audit runs: on one thread or on worker threads, with the
// literal prefilter or parsing every file.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { auditFolder, AuditReport } from '../../server/src/engine/audit';
import { builtinRulesDir } from '../../server/src/engine/rules/builtin';
import { loadRules } from '../../server/src/engine/rules/load';

const examples = join(__dirname, '..', '..', '..', 'examples');

function comparable(report: AuditReport): string {
  return JSON.stringify({ ...report, stats: { ...report.stats, ms: 0 } });
}

describe('audit modes', () => {
  it('gives identical output with and without workers and prefilter', async () => {
    const rulesDir = builtinRulesDir();
    const ruleSet = loadRules([rulesDir], rulesDir);
    const plain = await auditFolder(examples, ruleSet, { workers: 0, prefilter: false });
    assert.ok(plain.findings.length > 200);
    for (const options of [{ workers: 0 }, { workers: 2 }, { workers: 2, prefilter: false }]) {
      const other = await auditFolder(examples, ruleSet, options);
      assert.equal(comparable(other), comparable(plain), JSON.stringify(options));
    }
  });
});
