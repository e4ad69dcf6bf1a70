// The checklist's failure-path evidence per file (lsp/failureEvidence.ts): a file whose tree is at
// hand is inspected at once; one without waits for a background step, which parses it and calls back;
// a file edited while it waited is skipped (its new scan is asked for at the next publication).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanTexts } from '../../server/src/engine/audit';
import { parseSource } from '../../server/src/engine/js/parse';
import { forgetTree, rememberTree } from '../../server/src/engine/js/treeCache';
import { ScopeTable } from '../../server/src/engine/js/scopes';
import { builtinRulesDir } from '../../server/src/engine/rules/builtin';
import { loadRules } from '../../server/src/engine/rules/load';
import { FailureEvidence } from '../../server/src/lsp/failureEvidence';
import type { BackgroundStep } from '../../server/src/lsp/updateQueue';

const rulesDir = builtinRulesDir();
const ruleSet = loadRules([rulesDir], rulesDir);

const orders = [
  `import { createClient } from '@supabase/supabase-js'`,
  `const supabase = createClient('https://demo.supabase.co', 'public-anon')`,
  `export async function openOrders() {`,
  `  const { data } = await supabase.from('orders').select('*').eq('status', 'open')`,
  `  return data`,
  `}`,
  '',
].join('\n');

function scanned() {
  const { state } = scanTexts(new Map([['src/orders.ts', orders]]), ruleSet);
  forgetTree('src/orders.ts');
  return { scan: state.scans.get('src/orders.ts')!, findings: state.findingsFor('src/orders.ts') };
}

function evidence() {
  const steps: BackgroundStep[] = [];
  let ready = 0;
  const made = new FailureEvidence(
    (step) => steps.push(step),
    () => ready++,
  );
  return { made, steps, readyCount: () => ready };
}

const unchecked = { platform: 'supabase', check: { calls: 1, unchecked: [{ line: 4, column: 9 }] } };

describe('failure-path evidence for the panel', () => {
  it('inspects a file whose tree is at hand at once', () => {
    const { scan, findings } = scanned();
    const tree = parseSource('src/orders.ts', orders);
    rememberTree('src/orders.ts', orders, { sourceFile: tree, scopes: new ScopeTable(tree) });
    const { made, steps } = evidence();
    assert.deepEqual(
      made.checksOf(scan, findings, () => true),
      [unchecked],
    );
    assert.equal(steps.length, 0, 'nothing left for the background');
    forgetTree('src/orders.ts');
  });

  it('parses a file without a tree in a background step, then calls back', () => {
    const { scan, findings } = scanned();
    const { made, steps, readyCount } = evidence();
    assert.equal(
      made.checksOf(scan, findings, () => true),
      undefined,
      'waits for its turn',
    );
    assert.equal(steps.length, 1);
    assert.equal(steps[0](Infinity), false, 'done in one step');
    assert.equal(readyCount(), 1);
    assert.deepEqual(
      made.checksOf(scan, findings, () => true),
      [unchecked],
      'kept for the same findings',
    );
  });

  it('skips a file edited while it waited', () => {
    const { scan, findings } = scanned();
    const { made, steps, readyCount } = evidence();
    made.checksOf(scan, findings, () => false);
    assert.equal(steps[0](Infinity), false);
    assert.equal(readyCount(), 1);
    assert.equal(
      made.checksOf(scan, findings, () => true),
      undefined,
      'not inspected: asked again',
    );
  });
});
