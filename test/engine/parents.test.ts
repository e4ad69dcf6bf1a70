// A tree parsed without parents gets them from the scope walk (parseWithoutParents + ScopeTable):
// they must be TypeScript's own, node for node, on real files and on broken ones.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { parseSource, parseWithoutParents } from '../../server/src/engine/js/parse';
import { ScopeTable } from '../../server/src/engine/js/scopes';

const examples = join(__dirname, '..', '..', '..', 'examples');

/** Walks two trees of the same text side by side; returns the first place their parents differ. */
function firstDifference(expected: ts.Node, actual: ts.Node, path = 'file'): string | undefined {
  const a: ts.Node[] = [];
  const b: ts.Node[] = [];
  ts.forEachChild(expected, (n) => void a.push(n));
  ts.forEachChild(actual, (n) => void b.push(n));
  if (a.length !== b.length) return `${path}: ${a.length} children against ${b.length}`;
  for (let i = 0; i < a.length; i++) {
    const here = `${path} > ${ts.SyntaxKind[a[i].kind]}@${a[i].pos}`;
    if (a[i].kind !== b[i].kind || a[i].pos !== b[i].pos) return `${here}: different nodes`;
    if (a[i].parent !== expected || b[i].parent !== actual) return `${here}: parent differs`;
    const deeper = firstDifference(a[i], b[i], here);
    if (deeper) return deeper;
  }
  return undefined;
}

function check(file: string, text: string): void {
  const expected = parseSource(file, text);
  const actual = parseWithoutParents(file, text);
  new ScopeTable(actual);
  assert.equal(firstDifference(expected, actual), undefined, file);
}

describe('parents set by the scope walk', () => {
  it("are TypeScript's on every example file", () => {
    const files = readdirSync(examples, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /\.[cm]?[jt]sx?$/.test(e.name));
    assert.ok(files.length > 40);
    for (const entry of files) {
      const path = join(entry.parentPath, entry.name);
      check(path, readFileSync(path, 'utf8'));
    }
  });

  it("are TypeScript's on broken code (error recovery)", () => {
    const broken = [
      'function a( {\n  const x = ;\n}\nexport default class {',
      "import { createClient } from '@supabase/supabase-js'\nconst s = createClient(\nfunction f() { return s.from('x') }",
      'const el = <div>{items.map((i) => <Item key={i} {...i} /></div>\n',
      'if (a) { else { b } } } } const q = `${x',
    ];
    broken.forEach((text, i) => check(`broken${i}.tsx`, text));
  });
});
