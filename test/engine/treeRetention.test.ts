// Which parsed trees stay in memory after a batch scan: an audit or a language server's index keeps
// facts and findings, and only open documents keep their trees (for the next keystroke's re-parse).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RuleIndex } from '../../server/src/engine/context';
import { auditFolder } from '../../server/src/engine/audit';
import { recallLatest, forgetTree } from '../../server/src/engine/js/treeCache';
import { builtinRulesDir } from '../../server/src/engine/rules/builtin';
import { loadRules } from '../../server/src/engine/rules/load';
import { WorkspaceState } from '../../server/src/engine/workspaceState';
import { writeTree } from '../helpers/workspace';

const rules = loadRules([builtinRulesDir()], builtinRulesDir());

// A privileged call in a Deno handler: the caller checks model this file, so its tree is kept for them.
const handler = `import { createClient } from 'npm:@supabase/supabase-js@2'
Deno.serve(async (req) => {
  const admin = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!)
  await admin.auth.admin.deleteUser((await req.json()).id)
  return new Response('ok')
})
`;

describe('tree retention', () => {
  it('keeps no tree of the files an audit parsed, and still reports what needed them', async () => {
    const openText = "import { createClient } from '@supabase/supabase-js'\n";
    const root = writeTree({ 'supabase/functions/purge/index.ts': handler, 'src/open.ts': openText });
    // An open document's tree, kept with its memo, survives the audit.
    const open = new WorkspaceState(new RuleIndex(rules));
    open.takeScan(open.scanOpen('src/open.ts', openText));
    assert.ok(recallLatest('src/open.ts'));
    const report = await auditFolder(root, rules, { workers: 0 });
    const listed = report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`);
    const expected = 'supabase/service-role-function-without-caller-check supabase/functions/purge/index.ts:4';
    assert.ok(listed.includes(expected), listed.join('\n'));
    assert.equal(recallLatest('supabase/functions/purge/index.ts'), undefined);
    assert.ok(recallLatest('src/open.ts')?.tree.memo, 'the open document keeps its tree');
    forgetTree('src/open.ts');
  });
});
