// The ownership quick fix on a signed-in-only Supabase policy: from the real finding, each
// sign-in-only test becomes a comparison of the owner column and the caller; other rules get none.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { scanTexts } from '../../server/src/engine/audit';
import { builtinRulesDir } from '../../server/src/engine/rules/builtin';
import { loadRules } from '../../server/src/engine/rules/load';
import { codeActionsFor } from '../../server/src/lsp/codeActions';
import { toDiagnostic } from '../../server/src/lsp/diagnostics';

const rulesDir = builtinRulesDir();
const ruleSet = loadRules([rulesDir], rulesDir);
const path = 'supabase/migrations/20240101000000_tasks.sql';
const sql = [
  'create table public.tasks (id bigint primary key, user_id uuid not null, title text);',
  'alter table public.tasks enable row level security;',
  'create policy "members edit tasks" on public.tasks for update to authenticated',
  '  using (auth.uid() is not null) with check ((select auth.uid()) is not null);',
  '',
].join('\n');

function actionsFor(text: string) {
  const { state } = scanTexts(new Map([[path, text]]), ruleSet);
  const document = TextDocument.create(`file:///app/${path}`, 'sql', 1, text);
  const diagnostics = state.allFindings().map((f) => toDiagnostic(f, () => undefined));
  return { document, diagnostics, actions: codeActionsFor(document, diagnostics, () => undefined) };
}

describe('ownership policy quick fix', () => {
  it('ties every sign-in-only test of the policy to the owner column', () => {
    const { document, diagnostics, actions } = actionsFor(sql);
    assert.ok(diagnostics.some((d) => d.code === 'supabase/policy-auth-only'));
    const fix = actions.find((a) => a.title.startsWith('Limit the policy'));
    assert.ok(fix, 'a fix is offered');
    assert.equal(fix.isPreferred, true);
    const edits = fix.edit!.changes![document.uri];
    const fixed = TextDocument.applyEdits(document, edits);
    assert.match(fixed, /using \(\(select auth\.uid\(\)\) = user_id\) with check \(\(select auth\.uid\(\)\) = user_id\);/);
  });

  it('offers nothing where the policy already checks the owner', () => {
    const owned = sql.replace('using (auth.uid() is not null) with check ((select auth.uid()) is not null)', 'using (user_id = auth.uid())');
    const { actions } = actionsFor(owned);
    assert.equal(actions.filter((a) => a.title.startsWith('Limit the policy')).length, 0);
  });
});
