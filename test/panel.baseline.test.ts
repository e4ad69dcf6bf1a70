// The panel's cost delta against `.lockin-lens/baseline.json`: a branch that adds a platform
// capability shows how many hours of coupling it adds, per platform.

import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { auditFolder } from '../server/src/engine/audit';
import { createBaseline } from '../server/src/engine/baseline/baseline';
import { builtinRulesDir } from '../server/src/engine/rules/builtin';
import { loadRules } from '../server/src/engine/rules/load';
import type { CostChangedParams } from '../server/src/protocol';
import { startServer, TestServer, uriOf } from './helpers/lspClient';
import { writeTree } from './helpers/workspace';

const client = `import { createClient } from '@supabase/supabase-js'\n\nexport const supabase = createClient('https://x.supabase.co', 'anon')\n`;
const notes = `import { supabase } from './supabase'\n\nexport async function listNotes() {\n  const { data, error } = await supabase.from('notes').select('*')\n  if (error) throw error\n  return data\n}\n`;
const withStorage = notes.replace('  return data\n', "  await supabase.storage.from('avatars').upload('a.png', new Blob())\n  return data\n");

describe('panel: cost against the baseline', () => {
  const root = writeTree({ 'src/supabase.ts': client, 'src/notes.ts': notes });
  let server: TestServer;
  const received: CostChangedParams[] = [];

  before(async () => {
    const rulesDir = builtinRulesDir();
    const report = await auditFolder(root, loadRules([rulesDir], rulesDir));
    mkdirSync(join(root, '.lockin-lens'), { recursive: true });
    writeFileSync(join(root, '.lockin-lens', 'baseline.json'), JSON.stringify(createBaseline(report.findings)));
    server = await startServer(root);
    server.connection.onNotification('lockin/costChanged', (p: CostChangedParams) => void received.push(p));
  });
  after(() => server.stop());

  async function panelWhere(predicate: (p: CostChangedParams) => boolean): Promise<CostChangedParams> {
    const end = Date.now() + 10_000;
    for (;;) {
      const found = received.find(predicate);
      if (found) return found;
      if (Date.now() > end) throw new Error(`no panel update matched; last: ${JSON.stringify(received[received.length - 1]?.baseline)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it('shows no change while the code matches the baseline', async () => {
    const first = await panelWhere((p) => p.baseline !== undefined);
    assert.deepEqual({ ...first.baseline, summary: [] }, { newFindings: 0, accepted: first.baseline!.accepted, gone: 0, total: { low: 0, high: 0 }, summary: [] });
    assert.ok(first.baseline!.accepted > 0);
  });

  it('shows the hours a new capability adds, after an edit', async () => {
    const uri = uriOf(root, 'src/notes.ts');
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: notes } });
    server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: withStorage }] });
    const moved = await panelWhere((p) => (p.baseline?.newFindings ?? 0) > 0);
    assert.equal(moved.baseline!.newFindings, 1);
    assert.ok(moved.baseline!.total.low > 0 && moved.baseline!.total.high >= moved.baseline!.total.low);
    assert.match(moved.baseline!.summary.join(' '), /^\+\d+(\.\d)?–\d+(\.\d)? h of Supabase coupling$/);
  });
});
