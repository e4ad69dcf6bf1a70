// The prefilter's parse decision (RuleIndex.jsNeedsParse): the words that call for a parse, and
// where a platform global's name counts.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RuleIndex } from '../../server/src/engine/context';
import { requiredLiterals, requiredText, textGate } from '../../server/src/engine/parseTriggers';
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
    assert.equal(requiredText('x[\\]a]yzw'), 'yzw');
    assert.equal(requiredText('colou?r'), 'colo');
    assert.equal(requiredText('(?<at>abc)d'), 'abc');
  });

  it('is unknown for a top-level alternation or no run of three characters', () => {
    assert.equal(requiredText('abc|def'), undefined);
    assert.equal(requiredText('a\\db.c'), undefined);
    assert.equal(requiredText('(?:abc)?d'), undefined);
  });

  it('gives a text rule the words one of which every match holds, looking into groups that must match', () => {
    assert.deepEqual(requiredLiterals('(?<at>(?:firestore|fcm)\\.googleapis\\.com)'), ['.googleapis.com']);
    assert.deepEqual(requiredLiterals(':[ \\t]*(?:D1Database|KVNamespace|R2Bucket)\\b'), ['D1Database', 'KVNamespace', 'R2Bucket']);
    assert.deepEqual(requiredLiterals('(?<at>\\bampx\\s+pipeline-deploy\\b|\\bamplifyPush\\b)'), ['pipeline-deploy', 'amplifyPush']);
    assert.deepEqual(requiredLiterals('\\bauthDomain\\s*:[^{}]*?\\bmessagingSenderId\\s*:'), ['messagingSenderId']);
    // JavaScript's `[]` closes at once (it matches nothing); an escaped `]` does not close a class.
    assert.deepEqual(requiredLiterals('[\\]|]abc|xyz'), ['abc', 'xyz']);
  });

  it('gives no words where a match may lack them', () => {
    assert.equal(requiredLiterals('abc|de'), undefined); // one alternative has no run of three
    assert.equal(requiredLiterals('(?:abcd)?x|efgh'), undefined); // an optional group
    assert.equal(requiredLiterals('(?=abcd)\\w+|efgh'), undefined); // a lookahead is skipped
    assert.equal(requiredLiterals('(?i:abcd)|efgh'), undefined); // a modifier group may change case
    assert.equal(requiredLiterals('\\u0061bc'), undefined); // an escape is no literal text
    assert.equal(requiredLiterals('(?:abc|de)fg'), undefined);
  });
});

describe('prefilter: text rules', () => {
  const rulesDir = builtinRulesDir();
  const textRules = loadRules([rulesDir], rulesDir).rules.flatMap((r) => (r.matcher.type === 'text' ? [{ id: r.id, regex: r.matcher.regex }] : []));
  const filesUnder = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesUnder(join(dir, name)) : [join(dir, name)]));

  it('skip the regex only on texts it cannot match: every fixture it matches passes the gate', () => {
    const texts = filesUnder(rulesDir).filter((f) => f.includes('.fixture')).map((f) => readFileSync(f, 'utf8'));
    const gated = textRules.filter((r) => textGate(r.regex));
    assert.ok(gated.length >= 30, `${gated.length} of ${textRules.length} text rules have a gate`);
    const wrong: string[] = [];
    for (const { id, regex } of gated) {
      const gate = textGate(regex)!;
      for (const text of texts) if (new RegExp(regex.source, regex.flags).test(text) && !gate(text)) wrong.push(id);
    }
    assert.deepEqual(wrong, []);
  });

  it('fold case as the rule does, and say no to texts without the words', () => {
    const gate = textGate(/(?<at>"Access-Control-Allow-Origin")\s*:/gi)!;
    assert.equal(gate('headers: { "access-control-allow-origin": "*" }'), true);
    assert.equal(gate('headers: { "x-origin": "*" }'), false);
    assert.equal(textGate(/(?<at>blob\.vercel-storage\.com)/g)!('https://x.public.blob.vercel-storage.com/a'), true);
    assert.equal(textGate(/(?<at>blob\.vercel-storage\.com)/g)!('https://vercel.com/blob'), false);
    assert.equal(textGate(/a\db/g), undefined);
  });
});
