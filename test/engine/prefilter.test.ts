// The prefilter's parse decision (RuleIndex.jsNeedsParse): the words that call for a parse, and
// where a platform global's name counts.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RuleIndex } from '../../server/src/engine/context';
import { requiredText } from '../../server/src/engine/parseTriggers';
import { builtinRulesDir } from '../../server/src/engine/rules/builtin';
import { loadRules } from '../../server/src/engine/rules/load';

describe('prefilter: the parse decision', () => {
  const rulesDir = builtinRulesDir();
  const index = new RuleIndex(loadRules([rulesDir], rulesDir));
  const needsParse = (file: string, text: string) => index.jsNeedsParse(file, text);

  it('parses files that name a platform module, env global or env name', () => {
    assert.equal(needsParse('src/db.ts', "import { createClient } from '@supabase/supabase-js'\n"), true);
    assert.equal(needsParse('src/env.js', 'const url = Deno.env.get("URL")\n'), true);
    assert.equal(needsParse('src/env.js', 'const key = process.env.SUPABASE_SERVICE_ROLE_KEY\n'), true);
    assert.equal(needsParse('src/util.js', 'export const add = (a, b) => a + b\n'), false);
    assert.equal(needsParse('src/util.js', '// Denotes the sum.\nexport const add = (a, b) => a + b\n'), false);
  });

  it("counts PocketBase's `migrate` only where the rule reading it applies (pb_migrations)", () => {
    const migration = 'migrate((app) => {\n  app.save(new Collection({ name: "posts" }))\n})\n';
    assert.equal(needsParse('pb_migrations/1700000000_posts.js', migration), true);
    assert.equal(needsParse('lib/work-items.js', '// Use this call to migrate work items between projects.\nexport function move(items) { return items }\n'), false);
    assert.equal(needsParse('lib/db.js', migration), false); // the same call outside pb_migrations: no rule reads it there
  });

  it('parses files whose specifiers a platform maps (Convex _generated, Firebase from gstatic)', () => {
    assert.equal(needsParse('convex/tasks.ts', "import { query } from './_generated/server'\n"), true);
    assert.equal(needsParse('web/app.js', "import { getFirestore } from 'https://www.gstatic.com/firebasejs/10.12.0/firebase-firestore.js'\n"), true);
    assert.equal(needsParse('web/app.js', "// see https://www.gstatic.com/ for the CDN\n"), false);
  });
});

describe('prefilter: text a pattern needs', () => {
  it('is the longest plain run outside groups, classes and optional parts', () => {
    assert.equal(requiredText('(?:|\\/)_generated\\/(server|api|dataModel)(?:\\.[cm]?[jt]s)?'), '_generated/');
    assert.equal(requiredText('https?:\\/\\/www\\.gstatic\\.com\\/firebasejs\\/[/]+\\/firebase-([a-z-]+?)-compat\\.js'), '://www.gstatic.com/firebasejs/');
    assert.equal(requiredText('ab{2,3}cdef'), 'cdef');
    assert.equal(requiredText('x[]a]yzw'), 'yzw');
    assert.equal(requiredText('colou?r'), 'colo');
  });

  it('is unknown for a top-level alternation or no run of three characters', () => {
    assert.equal(requiredText('abc|def'), undefined);
    assert.equal(requiredText('a\\db.c'), undefined);
    assert.equal(requiredText('(abc)'), undefined);
  });
});
