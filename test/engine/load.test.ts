// Rule files are untrusted data: each bad file gives one clear error naming it and the field, and
// every other rule still loads.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { builtinRulesDir } from '../../server/src/engine/rules/builtin';
import { loadRules } from '../../server/src/engine/rules/load';
import { writeTree } from '../helpers/workspace';

const docs = { summary: 's', why: 'w', alternative: 'a' };
const good = { kind: 'lockin', platform: 'supabase', category: 'database', severity: 'info', effort: 'M', message: 'm', docs };

describe('rule loading', () => {
  it('names the file and the field for each kind of mistake', () => {
    const dir = writeTree({
      'supabase/ok.json': JSON.stringify({ ...good, id: 'supabase/ok', match: { import: { modules: ['@supabase/*'] } } }),
      'supabase/no-docs.json': JSON.stringify({ ...good, id: 'supabase/no-docs', docs: undefined, match: { import: { modules: ['x'] } } }),
      'supabase/extra.json': JSON.stringify({ ...good, id: 'supabase/extra', colour: 'red', match: { import: { modules: ['x'] } } }),
      'supabase/two.json': JSON.stringify({ ...good, id: 'supabase/two', match: { import: { modules: ['x'] }, file: {} } }),
      'supabase/regex.json': JSON.stringify({ ...good, id: 'supabase/regex', files: { include: ['*.toml'] }, match: { text: { pattern: '(' } } }),
      'supabase/path.json': JSON.stringify({ ...good, id: 'supabase/path', match: { member: { paths: ['supabase.from()'] } } }),
      'supabase/check.json': JSON.stringify({ ...good, id: 'supabase/check', match: { check: { name: 'no-such-check' } } }),
      'supabase/wrong-id.json': JSON.stringify({ ...good, id: 'supabase/other', match: { import: { modules: ['x'] } } }),
      'supabase/broken.json': '{ "id": ',
      'supabase/sec.json': JSON.stringify({ ...good, id: 'supabase/sec', kind: 'security', category: 'secrets', severity: 'error', match: { import: { modules: ['x'] } } }),
      'supabase/ok.fixture.json': '{ "not": "a rule" }',
    });
    const set = loadRules([dir], builtinRulesDir());
    assert.deepEqual(set.rules.map((r) => r.id), ['supabase/ok']);
    const byFile = Object.fromEntries(set.errors.map((e) => [e.file.slice(dir.length + 1), e.message]));
    assert.deepEqual(Object.keys(byFile).sort(), [
      'supabase/broken.json', 'supabase/check.json', 'supabase/extra.json', 'supabase/no-docs.json', 'supabase/path.json',
      'supabase/regex.json', 'supabase/sec.json', 'supabase/two.json', 'supabase/wrong-id.json',
    ]);
    assert.match(byFile['supabase/no-docs.json'], /missing field 'docs'/);
    assert.match(byFile['supabase/extra.json'], /unknown field 'colour'/);
    assert.match(byFile['supabase/two.json'], /exactly one matcher/);
    assert.match(byFile['supabase/regex.json'], /field 'match.text.pattern': Invalid regular expression/);
    assert.match(byFile['supabase/path.json'], /field 'match.member.paths': 'supabase.from\(\)' needs a root/);
    assert.match(byFile['supabase/check.json'], /no built-in check named 'no-such-check'/);
    assert.match(byFile['supabase/wrong-id.json'], /field 'id' is 'supabase\/other' but the file's place says 'supabase\/wrong-id'/);
    assert.match(byFile['supabase/broken.json'], /not valid JSON/);
    assert.match(byFile['supabase/sec.json'], /missing field 'cwe'|docs.fix/);
  });

  it('reports a missing rule folder without failing', () => {
    const set = loadRules([join(builtinRulesDir(), 'no-such-folder')], builtinRulesDir());
    assert.equal(set.rules.length, 0);
    assert.match(set.errors[0].message, /cannot read rule folder/);
  });
});
