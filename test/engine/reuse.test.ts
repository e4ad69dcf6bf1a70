// An open document's facts after an edit are taken over, statement by statement, from the previous
// parse (js/reuse.ts). They must equal the facts of the same tree collected afresh, whatever the
// edit: random edits here include the dangerous ones (shadowing an import, re-binding a client,
// renaming any name, breaking the syntax so that error recovery reshapes the tree). On broken code
// TypeScript's incremental tree may differ from a fresh parse's, so the random edits compare with
// the same tree; the binding edits (valid code) compare with a fresh parse too.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RuleIndex } from '../../server/src/engine/context';
import { collectJsFactsAndScopes, parseSource, reparseSource } from '../../server/src/engine/js/facts';
import ts from 'typescript';
import { Evaluator } from '../../server/src/engine/js/evaluate';
import { FactMemo } from '../../server/src/engine/js/reuse';
import { ScopeTable } from '../../server/src/engine/js/scopes';
import { builtinRulesDir } from '../../server/src/engine/rules/builtin';
import { loadRules } from '../../server/src/engine/rules/load';
import { WorkspaceState } from '../../server/src/engine/workspaceState';

const examples = join(__dirname, '..', '..', '..', 'examples');
const rulesDir = builtinRulesDir();
const ctx = new WorkspaceState(new RuleIndex(loadRules([rulesDir], rulesDir))).factContext;

/** Text pieces an edit inserts: code that binds, re-binds or shadows platform names, and noise. */
const PIECES = [
  ' ',
  '\n',
  ';',
  '}',
  '{',
  '(',
  ')',
  'x',
  '.',
  "'",
  '// note\n',
  'await ',
  'const supabase = makeRepo()\n',
  'let db = null\n',
  'supabase = createClient(url, key)\n',
  "import { createClient } from '@supabase/supabase-js'\n",
  'function base44() { return null }\n',
  "const admin = require('firebase-admin')\n",
  'export default supabase\n',
  "await supabase.from('t').select()\n",
  'db = supabase\n',
  "const { data } = await db.from('x').insert({})\n",
  'var client = base44\n',
  '`${',
  '*/',
  '/*',
  '=>',
  'function ',
  'class A {',
  'export ',
  'import * as base44 from "@base44/sdk"\n',
  // Values handed on: to a function's parameter (call-site args) and to a framework's context.
  'export function archive(store, table) { return store.from(table) }\n',
  "archive(supabase, 'logs')\n",
  'event.locals.supabase = supabase\n',
  "c.set('db', db)\n",
];

/** mulberry32, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function edit(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const choice = next();
  if (choice < 0.3) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(next() * 40)));
  if (choice < 0.45) {
    // Rename one occurrence of a name: a helper, client or import no longer means what it did.
    const names = [...text.matchAll(/\b[A-Za-z_]\w*\b/g)];
    const m = names[Math.floor(next() * names.length)];
    return m ? text.slice(0, m.index) + m[0] + 'Q' + text.slice(m.index! + m[0].length) : text;
  }
  // Insert at a line start half the time, so whole statements come and go.
  const lineStart = next() < 0.5 ? text.lastIndexOf('\n', at - 1) + 1 : at;
  return text.slice(0, lineStart) + PIECES[Math.floor(next() * PIECES.length)] + text.slice(lineStart);
}

/**
 * What every identifier of the tree refers to, by the nodes that give its value (declarations taken
 * over are the previous walk's objects, so they are compared by content, not identity).
 */
function lookups(tree: ts.SourceFile, scopes: ScopeTable): unknown[] {
  const nodes = new Map<ts.Node, number>();
  const id = (node: ts.Node | undefined) =>
    node === undefined ? -1 : (nodes.get(node) ?? nodes.set(node, nodes.size).get(node)!);
  const out: unknown[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) {
      const decl = scopes.lookup(node);
      if (!decl) out.push(null);
      else if (decl.kind === 'import') out.push(['import', decl.spec, decl.name]);
      else if (decl.kind === 'var') out.push(['var', id(decl.init), decl.path.join('.'), ...decl.assigns.map(id)]);
      else if (decl.kind === 'param') out.push(['param', id(decl.fn), decl.index, decl.path.join('.')]);
      else if (decl.kind === 'function') out.push(['function', id(decl.fn)]);
      else out.push(['opaque']);
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return out;
}

function bigFile(): string {
  const out = [
    `import { createClient } from '@supabase/supabase-js'`,
    `const supabase = createClient('https://x.supabase.co', 'anon')`,
    'let db = supabase',
  ];
  for (let i = 0; i < 30; i++)
    out.push(
      `export async function load${i}(id: string) {`,
      `  const { data, error } = await ${i % 3 ? 'supabase' : 'db'}.from('t${i}').select('*').eq('id', id)`,
      '  if (error) throw error',
      '  return data',
      '}',
    );
  out.push('export const helpers = { load: load1, client: db }');
  return out.join('\n') + '\n';
}

/** Files and seeds; some seeds found bugs once (noted) and stay as regressions. */
const FILES: [string, string, number[]][] = [
  ['big.ts', bigFile(), [1, 2]],
  ...(
    [
      ['supabase-app/src/pages/NotesPage.tsx', [1, 2]],
      ['base44-app/src/pages/Dashboard.jsx', [1, 2]],
      ['firebase-app/functions/src/index.ts', [1, 2]],
      ['supabase-app/supabase/functions/invite-member/index.ts', [1, 2]],
      // Seed 10: error recovery put one statement in two places of the tree (see scopes.ts, onNode).
      ['base44-app/base44/functions/paymentWebhook/entry.ts', [1, 10]],
      // Seed 20: the same, in a statement recorded two edits before it became top-level again.
      ['firebase-app/src/main.ts', [1, 20]],
      ['supabase-app/src/features/admin.ts', [2]],
    ] as [string, number[]][]
  ).map(([rel, seeds]): [string, string, number[]] => [rel, readFileSync(join(examples, rel), 'utf8'), seeds]),
];

describe('facts taken over from the previous parse', () => {
  for (const [name, original, seeds] of FILES) {
    it(`equal the facts collected afresh after 150 random edits of ${name} (seeds ${seeds.join(', ')})`, () => {
      for (const seed of seeds) {
        const next = random(seed * 1000 + name.length);
        const memo = new FactMemo();
        let text = original;
        let tree = parseSource(name, text);
        collectJsFactsAndScopes(tree, ctx, memo);
        for (let i = 0; i < 150; i++) {
          const edited = edit(text, next);
          tree = reparseSource(tree, text, edited);
          text = edited;
          const incremental = collectJsFactsAndScopes(tree, ctx, memo);
          const afresh = collectJsFactsAndScopes(tree, ctx);
          assert.deepEqual(incremental.facts, afresh.facts, `${name}, seed ${seed}, edit ${i}`);
          assert.deepEqual(
            lookups(tree, incremental.scopes),
            lookups(tree, afresh.scopes),
            `scopes of ${name}, seed ${seed}, edit ${i}`,
          );
        }
      }
    });
  }

  // Edits of a top-level binding that every function depends on, directly or through `db`.
  const bindingEdits: [string, string, string][] = [
    ['renaming the client', 'const supabase = createClient', 'const supabaseX = createClient'],
    ['replacing the client', "createClient('https://x.supabase.co', 'anon')", 'makeRepo()'],
    ['re-binding db only', 'let db = supabase', 'let db = null'],
    [
      'shadowing the import',
      "import { createClient } from '@supabase/supabase-js'",
      "import { createClient } from '@supabase/supabase-js'\nconst createClient = () => null",
    ],
    ['removing the import', "import { createClient } from '@supabase/supabase-js'", ''],
  ];
  for (const [what, from, to] of bindingEdits) {
    it(`equal a fresh parse after ${what}`, () => {
      const memo = new FactMemo();
      const text = bigFile();
      const tree = parseSource('big.ts', text);
      collectJsFactsAndScopes(tree, ctx, memo);
      const edited = text.replace(from, to);
      assert.notEqual(edited, text);
      const incremental = collectJsFactsAndScopes(reparseSource(tree, text, edited), ctx, memo).facts;
      const fresh = collectJsFactsAndScopes(parseSource('big.ts', edited), ctx).facts;
      assert.notDeepEqual(
        fresh.sites,
        collectJsFactsAndScopes(parseSource('big.ts', text), ctx).facts.sites,
        'the edit changes the facts',
      );
      assert.deepEqual(incremental, fresh);
    });
  }

  it('evaluates an expression the same whatever was evaluated before it (bindings in a cycle)', () => {
    // c = d, d = b, b = c.x: a cycle, cut where it closes. Had a value found through the cut been
    // remembered, `d` would depend on whether `c` was asked first, and taking over statements
    // (which skips evaluating them) would change the facts of the others.
    const text = [
      "import { createClient } from '@supabase/supabase-js'",
      'let a',
      'let b',
      'let c',
      'let d',
      'c = d',
      'b = c.x',
      'd = b',
      "c = createClient('u','k')",
      'use(c)',
      'use(d)',
    ].join('\n');
    const file = parseSource('cycle.ts', text);
    const [useC, useD] = file.statements
      .slice(-2)
      .map((s) => ((s as ts.ExpressionStatement).expression as ts.CallExpression).arguments[0]);
    const valueOf = (first: ts.Expression, second: ts.Expression) => {
      const evaluator = new Evaluator(file, ctx, new ScopeTable(file));
      evaluator.evaluate(first);
      return JSON.stringify(evaluator.evaluate(second));
    };
    assert.equal(valueOf(useC, useD), valueOf(useD, useD));
    assert.equal(valueOf(useD, useC), valueOf(useC, useC));
  });

  it('takes over the statements an edit in one function leaves alone', () => {
    const memo = new FactMemo();
    const text = bigFile();
    const tree = parseSource('big.ts', text);
    collectJsFactsAndScopes(tree, ctx, memo);
    const at = text.indexOf("select('*')", text.indexOf('load7'));
    const edited = text.slice(0, at) + "select('id')" + text.slice(at + "select('*')".length);
    const reparsed = reparseSource(tree, text, edited);
    const plan = memo.plan(reparsed, new ScopeTable(reparsed), ctx);
    const takenOver = reparsed.statements.filter((_, i) => plan(i) !== undefined).length;
    // Every statement but load7's (the first two bind `supabase` and `db`, which did not change).
    assert.equal(takenOver, reparsed.statements.length - 1);
  });
});
