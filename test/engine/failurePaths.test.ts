// Failure-path evidence: Supabase calls whose `{ data, error }` result is destructured without the
// error ever being read, or dropped altogether.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanTexts } from '../../server/src/engine/audit';
import { uncheckedResults } from '../../server/src/engine/failurePaths';
import { parseSource } from '../../server/src/engine/js/parse';
import { builtinRulesDir } from '../../server/src/engine/rules/builtin';
import { loadRules } from '../../server/src/engine/rules/load';

const rulesDir = builtinRulesDir();
const ruleSet = loadRules([rulesDir], rulesDir);

const client = `import { createClient } from '@supabase/supabase-js'\nexport const supabase = createClient('https://x.supabase.co', 'anon')\n`;

function check(body: string) {
  const text = `import { supabase } from './client'\n${body}`;
  const { state } = scanTexts(
    new Map([
      ['src/client.ts', client],
      ['src/app.ts', text],
    ]),
    ruleSet,
  );
  return uncheckedResults(parseSource('src/app.ts', text), state.findingsFor('src/app.ts'));
}

describe('unchecked platform results', () => {
  it('flags a destructured result without error, and counts checked ones', () => {
    const result = check(
      [
        'export async function a() {',
        "  const { data } = await supabase.from('notes').select('*')", // line 3: unchecked
        '  return data',
        '}',
        'export async function b() {',
        "  const { data, error } = await supabase.from('notes').select('*')",
        '  if (error) throw error',
        '  return data',
        '}',
      ].join('\n'),
    );
    assert.equal(result.calls, 2);
    assert.deepEqual(result.unchecked, [{ line: 3, column: 9 }]);
  });

  it('flags an error that is bound but never read, and accepts renamed and rest bindings', () => {
    const result = check(
      [
        'export async function a() {',
        "  const { data, error } = await supabase.rpc('f')", // line 3: bound, never read
        '  return data',
        '}',
        'export async function b(path) {',
        "  const { error: uploadError } = await supabase.storage.from('a').upload(path, new Blob())",
        '  if (uploadError) throw uploadError',
        '  const { data: { user }, ...rest } = await supabase.auth.getUser()',
        '  if (rest.error) throw rest.error',
        '  return user',
        '}',
      ].join('\n'),
    );
    assert.equal(result.calls, 3);
    assert.deepEqual(
      result.unchecked.map((u) => u.line),
      [3],
    );
  });

  it('flags an awaited call whose result is dropped, but not one whose result is passed on', () => {
    const result = check(
      [
        'export async function log(row) {',
        "  await supabase.from('activity_log').insert(row)", // line 3: dropped
        "  const result = await supabase.from('activity_log').insert(row)",
        "  return supabase.from('activity_log').select('*')",
        '}',
      ].join('\n'),
    );
    assert.deepEqual(result, { calls: 1, unchecked: [{ line: 3, column: 3 }] });
  });

  it('ignores calls whose result has no error and destructuring of other values', () => {
    const result = check(
      [
        'export function url(path) {',
        "  const { data } = supabase.storage.from('avatars').getPublicUrl(path)",
        '  const { a } = someOther()',
        '  return data.publicUrl + a',
        '}',
      ].join('\n'),
    );
    assert.deepEqual(result, { calls: 0, unchecked: [] });
  });

  it('says nothing about files without Supabase touch points', () => {
    const text =
      'export async function a(db) {\n  const { data } = await db.from("notes").select()\n  return data\n}\n';
    assert.deepEqual(uncheckedResults(parseSource('src/plain.ts', text), []), { calls: 0, unchecked: [] });
  });
});
