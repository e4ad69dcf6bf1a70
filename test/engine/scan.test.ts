// Imports, manifests, env reads, text rules, and the folder walk with its skip/err bookkeeping.

import assert from 'node:assert/strict';
import { Dirent, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { auditFolder } from '../../server/src/engine/audit';
import { normalizeSpecifier } from '../../server/src/engine/modules';
import { scanMemory, testRuleSet, writeTree } from '../helpers/workspace';

describe('import normalisation', () => {
  const cases: [string, string][] = [
    ['npm:@acme/sdk@0.8.6', '@acme/sdk'],
    ['npm:@supabase/supabase-js@2/dist/module', '@supabase/supabase-js/dist/module'],
    ['jsr:@supabase/functions-js/edge-runtime.d.ts', '@supabase/functions-js/edge-runtime.d.ts'],
    ['https://esm.sh/@supabase/supabase-js@2', '@supabase/supabase-js'],
    ['https://esm.sh/v135/@supabase/supabase-js@2.45.0?target=deno', '@supabase/supabase-js'],
    ['https://cdn.jsdelivr.net/npm/firebase@10/app', 'firebase/app'],
    ['https://deno.land/x/postgres@v0.17.0/mod.ts', 'postgres/mod.ts'],
    ['https://deno.land/std@0.168.0/http/server.ts', 'deno-std/http/server.ts'],
    ['node:crypto', 'crypto'],
    ['firebase/firestore', 'firebase/firestore'],
  ];
  for (const [raw, expected] of cases) it(`${raw} → ${expected}`, () => assert.equal(normalizeSpecifier(raw), expected));

  it('matches import, require, dynamic import and Deno forms in code', () => {
    const { triples } = scanMemory({
      'a.ts': [
        `import { createClient } from 'npm:@acme/sdk@0.8.6'`,
        `const sdk = require('@acme/sdk')`,
        `const lazy = () => import('https://esm.sh/@acme/storage@2')`,
        `import other from 'left-pad'`,
        `export * from '@acme/sdk'`,
      ].join('\n'),
    });
    assert.deepEqual(triples.filter(([id]) => id === 'acme/import').map(([, , line]) => line), [1, 2, 3, 5]);
  });
});

describe('manifests, env and text rules', () => {
  it('flags dependencies on the key line of package.json and deno.json import maps', () => {
    const pkg = JSON.stringify({ name: 'x', dependencies: { react: '18', '@acme/sdk': '1' }, devDependencies: { '@acme/cli': '1' } }, null, 2);
    const { triples } = scanMemory({ 'package.json': pkg, 'deno.json': '{\n  "imports": {\n    "acme": "npm:@acme/sdk@1"\n  }\n}\n' });
    assert.deepEqual(triples, [
      ['acme/dependency', 'deno.json', 3],
      ['acme/dependency', 'package.json', 5],
      ['acme/dependency', 'package.json', 8],
    ]);
  });

  it('reads env names from code and .env files', () => {
    const { triples } = scanMemory({
      'src/c.ts': `const a = import.meta.env.VITE_ACME_ID\nconst b = process.env.ACME_KEY\nconst c = Deno.env.get('ACME_URL')\nconst d = process.env.OTHER\n`,
      '.env.example': `VITE_ACME_ID=\nOTHER=1\nexport ACME_KEY=\n`,
    });
    assert.deepEqual(triples, [
      ['acme/env', '.env.example', 1],
      ['acme/env', '.env.example', 3],
      ['acme/env', 'src/c.ts', 1],
      ['acme/env', 'src/c.ts', 2],
      ['acme/env', 'src/c.ts', 3],
    ]);
  });

  it('places text hits at the named group and only in included files', () => {
    const { findings } = scanMemory({ 'infra/acme.toml': '[project]\nname = "x"\nopen = true\n', 'other.toml': 'open = true\n' });
    assert.deepEqual(findings.map((f) => [f.file, f.line, f.column]), [['infra/acme.toml', 3, 8]]);
  });

  it('honours suppression comments that give a reason, and only those', () => {
    const client = `import { createClient } from '@acme/sdk'\nconst acme = createClient()\n`;
    const { triples } = scanMemory({
      'a.ts': `${client}// lockin-lens-ignore-next-line acme/from -- reviewed, moving to an adapter\nacme.from('a')\n// lockin-lens-ignore-next-line acme/from\nacme.from('b')\n`,
    });
    assert.deepEqual(triples.filter(([id]) => id === 'acme/from'), [['acme/from', 'a.ts', 6]]);
  });
});

describe('folder walk and bad input', () => {
  it('skips dependencies, build output, gitignored, binary and large files, and keeps scanning', async () => {
    const root = writeTree({
      '.gitignore': 'generated/\n*.secret.js\n!keep.secret.js\n',
      'src/ok.ts': `import x from '@acme/sdk'\n`,
      'src/broken.ts': `import x from '@acme/sdk'\nconst = = ;\nexport function f( {\n`,
      'src/keep.secret.js': `require('@acme/sdk')\n`,
      'src/drop.secret.js': `require('@acme/sdk')\n`,
      'generated/a.ts': `import x from '@acme/sdk'\n`,
      'node_modules/@acme/sdk/index.js': `require('@acme/sdk')\n`,
      'dist/bundle.js': `require('@acme/sdk')\n`,
      'public/logo.js': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]),
      'public/vendor.min.js': `/*${'x'.repeat(2048)}*/ require('@acme/sdk')`,
    });
    const report = await auditFolder(root, testRuleSet(), { maxFileBytes: 1024 });
    assert.deepEqual(report.findings.map((f) => f.file), ['src/broken.ts', 'src/keep.secret.js', 'src/ok.ts']);
    assert.deepEqual(report.stats.skippedByReason, { binary: 1, 'too-large': 1, gitignored: 2, 'ignored-dir': 2 });
    assert.equal(report.stats.files, 3);
    assert.match(report.errors.find((e) => e.file === 'src/broken.ts')!.message, /syntax error at line 2/);
  });

  it('reports an unreadable folder and a dangling link, and scans the rest', async () => {
    const root = writeTree({ 'a/locked/x.ts': `import '@acme/sdk'\n`, 'b/y.ts': `import '@acme/sdk'\n` });
    symlinkSync(join(root, 'missing.ts'), join(root, 'b/dangling.ts'));
    const readdir = (abs: string): Dirent[] => {
      if (abs.endsWith('locked')) throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
      return readdirSync(abs, { withFileTypes: true });
    };
    const report = await auditFolder(root, testRuleSet(), { readdir });
    assert.deepEqual(report.findings.map((f) => f.file), ['b/y.ts']);
    assert.deepEqual(report.errors.map((e) => [e.file, e.message]), [
      ['a/locked', 'cannot read folder: EACCES'],
      ['b/dangling.ts', 'cannot read file: ENOENT'],
    ]);
  });

  it('does not follow folder symlinks, so a loop ends', async () => {
    const root = writeTree({ 'src/a.ts': `import '@acme/sdk'\n` });
    symlinkSync(join(root, 'src'), join(root, 'src/loop'));
    const report = await auditFolder(root, testRuleSet());
    assert.equal(report.findings.length, 1);
    assert.equal(report.stats.skippedByReason.symlink, 1);
  });

  it('skips a 20 MB minified bundle by size and still audits its neighbours', async () => {
    const root = writeTree({ 'app/bundle.js': `var a=${'[1,2,3],'.repeat(3_000_000)}0;require('@acme/sdk')`, 'app/main.ts': `import '@acme/sdk'\n` });
    const report = await auditFolder(root, testRuleSet());
    assert.deepEqual(report.findings.map((f) => f.file), ['app/main.ts']);
    assert.equal(report.stats.skippedByReason['too-large'], 1);
  });
});
