// Facts of batch-scanned files are compacted (workspace/compactFacts.ts): the same reference is one
// object across files, and nothing about the facts or findings changes.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RuleIndex } from '../../server/src/engine/context';
import { forgetTree } from '../../server/src/engine/js/treeCache';
import { builtinRulesDir } from '../../server/src/engine/rules/builtin';
import { loadRules } from '../../server/src/engine/rules/load';
import { scanFile } from '../../server/src/engine/scan/scanFile';
import { FactCompactor } from '../../server/src/engine/workspace/compactFacts';
import { WorkspaceState } from '../../server/src/engine/workspaceState';

const rules = loadRules([builtinRulesDir()], builtinRulesDir());

const orders = `import { createClient } from '@supabase/supabase-js'
const supabase = createClient(process.env.SUPABASE_URL, process.env.SUPABASE_ANON_KEY)
export async function listOrders() {
  return supabase.from('orders_with_customer_details').select('*')
}
export async function cancelOrder(id) {
  return supabase.from('orders_with_customer_details').delete().eq('id', id)
}
`;
const invoices = orders.replace(/orders/g, 'invoices').replace('listOrders', 'listInvoices');

describe('compacted facts', () => {
  it('share one reference object for the same value, within a file and across files', () => {
    const state = new WorkspaceState(new RuleIndex(rules));
    const a = state.setFile('src/orders.js', orders).scan.facts!;
    const b = state.setFile('src/invoices.js', invoices).scan.facts!;
    const fromCalls = (sites: typeof a.sites) => sites.filter((s) => s.ref.path.join('.') === 'createClient.().from.()');
    const [first, second] = fromCalls(a.sites);
    assert.ok(first && second, JSON.stringify(a.sites.map((s) => s.ref.path)));
    assert.equal(first.ref, second.ref);
    assert.equal(fromCalls(b.sites)[0].ref, first.ref);
    assert.equal(a.imports[0].module, '@supabase/supabase-js');
  });

  it('leave the facts and the findings as the parse made them', () => {
    const index = new RuleIndex(rules);
    const state = new WorkspaceState(index);
    state.setFile('src/orders.js', orders);
    const fresh = scanFile('src/orders.js', orders, index, state.factContext, { forceParse: true });
    assert.deepEqual(state.scans.get('src/orders.js')!.facts, fresh.facts);
    assert.deepEqual(state.scans.get('src/orders.js')!.hits, fresh.hits);
    // An open document's scan is not compacted (its memo shares the facts).
    const open = new WorkspaceState(new RuleIndex(rules));
    open.takeScan(open.scanOpen('src/orders.js', orders));
    forgetTree('src/orders.js');
    assert.deepEqual(state.findingsFor('src/orders.js'), open.findingsFor('src/orders.js'));
    assert.ok(state.findingsFor('src/orders.js').length > 0);
  });

  it('give one copy of each string, equal to it', () => {
    const compactor = new FactCompactor();
    const text = `import x from '@supabase/supabase-js'; import y from '@supabase/supabase-js'`;
    const first = compactor.string(text.slice(15, 36));
    assert.equal(first, '@supabase/supabase-js');
    assert.equal(compactor.string(text.slice(54, 75)), first);
  });
});
