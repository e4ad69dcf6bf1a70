// The caller checks' text test (mayHaveEntries) runs before a model parses a file again, so it must
// never say no where findEntries would find a handler: tried on every rule fixture and example file,
// and on handlers written at the edges of what the test allows (comments, escapes, paths).

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { scanTexts } from '../../server/src/engine/audit';
import { EntryKind, findEntries, mayHaveEntries } from '../../server/src/engine/checks/caller/entries';
import { CallerWorkspace } from '../../server/src/engine/checks/caller/model';
import { builtinRulesDir } from '../../server/src/engine/rules/builtin';
import { loadRules } from '../../server/src/engine/rules/load';

const root = join(__dirname, '..', '..', '..');
const rulesDir = builtinRulesDir();
const ruleSet = loadRules([rulesDir], rulesDir);
const KINDS: EntryKind[] = ['serve', 'http', 'callable', 'route', 'next'];

function jsFilesUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'node_modules') jsFilesUnder(path, out);
    } else if (/\.[cm]?[jt]sx?$/.test(name)) out.push(path);
  }
  return out;
}

/** The kinds of the handlers findEntries finds in each file (every file parsed, as without the prefilter). */
function entryKinds(files: Map<string, string>): Map<string, Set<EntryKind>> {
  const { state } = scanTexts(files, ruleSet, [], { prefilter: false });
  const out = new Map<string, Set<EntryKind>>();
  for (const file of files.keys()) {
    const view = {
      file: (path: string) => state.scans.get(path),
      files: () => [],
      resolver: state.resolver,
      shared: new Map<string, unknown>(),
      run: new Map<string, unknown>(),
    };
    const model = new CallerWorkspace(view).model(file);
    out.set(file, new Set(model ? findEntries(model, new Set(KINDS)).map((e) => e.kind) : []));
  }
  return out;
}

/** Files whose handlers of some kind the text test would have skipped. */
function missed(files: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [file, kinds] of entryKinds(files)) {
    for (const kind of kinds) if (!mayHaveEntries(file, files.get(file)!, [kind])) out.push(`${file}: ${kind}`);
  }
  return out;
}

describe('caller checks: the text test before a model', () => {
  it('lets through every handler of the rule fixtures and examples', () => {
    const paths = [...jsFilesUnder(join(root, 'examples')), ...jsFilesUnder(rulesDir)];
    const files = new Map(paths.map((p) => [relative(root, p).split('\\').join('/'), readFileSync(p, 'utf8')]));
    const kinds = entryKinds(files);
    assert.ok([...kinds.values()].filter((k) => k.size > 0).length >= 50, 'too few handlers to test with');
    assert.deepEqual(missed(files), []);
  });

  it('lets through handlers written at the edges it allows', () => {
    const files = new Map([
      [
        'worker/src/index.ts',
        'export default /* the Worker */ // entry\n  ({ async fetch(req: Request) { return new Response("x"); } });\n',
      ],
      ['worker/src/typed.ts', 'export default <ExportedHandler>{ fetch(req) { return new Response(req.url); } };\n'],
      [
        'server/app.js',
        "const app = require('express')();\napp.post( /* path */ '/items', (req, res) => res.send('ok'));\n",
      ],
      ['server/esc.js', "const app = require('express')();\napp.get('\\/health', (req, res) => res.send('ok'));\n"],
      ['server/tpl.js', "const app = require('express')();\napp.get(`${base}/x`, (req, res) => res.send(1));\n"],
      ['app/actions.ts', "'use server';\nexport async function save(form: FormData) { return form.get('x'); }\n"],
      ['src/routes/api/+server.ts', 'export const GET = async () => new Response("ok");\n'],
    ]);
    const kinds = entryKinds(files);
    assert.deepEqual(
      [...kinds].filter(([, k]) => k.size === 0).map(([f]) => f),
      [],
    );
    assert.deepEqual(missed(files), []);
  });

  it('skips front-end files that only look like handlers', () => {
    const component =
      "import { useState } from 'react';\nexport default function List() {\n  fetch('/api/items');\n  return null;\n}\n";
    const cache =
      'const seen = new Map();\nexport function lookup(key) { return seen.get(key) ?? seen.delete(key); }\n';
    assert.equal(mayHaveEntries('src/components/List.jsx', component, KINDS), false);
    assert.equal(mayHaveEntries('src/lib/cache.js', cache, KINDS), false);
    // The same component in a Next.js pages/api folder is a handler.
    assert.equal(mayHaveEntries('pages/api/list.js', component, ['next']), true);
  });
});
