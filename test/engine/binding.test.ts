// Binding-aware matching: a member path matches only through a real platform binding.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanMemory } from '../helpers/workspace';

const client = `import { createClient } from '@acme/sdk'\nexport const acme = createClient({ appId: 'x' })\n`;

describe('binding-aware member matching', () => {
  it('flags the exact node a path describes, once per call chain', () => {
    const { triples, findings } = scanMemory({ 'src/a.ts': `${client}const rows = await acme.from('orders').select('*').eq('id', 1)\n` });
    assert.deepEqual(triples.filter(([id]) => id === 'acme/from'), [['acme/from', 'src/a.ts', 3]]);
    const from = findings.find((f) => f.ruleId === 'acme/from')!;
    assert.equal(from.column, 20);
    assert.equal(from.message, "acme/from orders");
  });

  it('follows a client exported by one module and imported elsewhere through @/ and relative paths', () => {
    const { triples } = scanMemory({
      'jsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['./src/*'] } } }),
      'src/api/client.js': client,
      'src/pages/Orders.jsx': `import { acme } from '@/api/client'\n\nexport function load() {\n  return acme.from('orders')\n}\n`,
      'src/pages/Other.jsx': `import { acme as db } from '../api/client.js'\ndb.from('other')\n`,
    });
    assert.deepEqual(triples.filter(([id]) => id === 'acme/from'), [
      ['acme/from', 'src/pages/Orders.jsx', 4],
      ['acme/from', 'src/pages/Other.jsx', 2],
    ]);
  });

  it('follows re-exported members, namespace imports and export-from chains', () => {
    const { triples } = scanMemory({
      'src/api/client.js': client,
      'src/api/entities.js': `import { acme } from './client'\nexport const Deal = acme.entities.Deal\n`,
      'src/api/index.js': `export * from './entities'\n`,
      'src/pages/Deals.jsx': `import { Deal } from '../api'\nimport * as api from '../api/entities'\nDeal.list()\napi.Deal.filter({})\n`,
    });
    assert.deepEqual(triples.filter(([id]) => id === 'acme/entities'), [
      ['acme/entities', 'src/pages/Deals.jsx', 3],
      ['acme/entities', 'src/pages/Deals.jsx', 4],
    ]);
  });

  it('matches ** over service-role style prefixes', () => {
    const { triples } = scanMemory({ 'f.ts': `${client}await acme.asServiceRole.entities.Task.update('1', {})\nacme.entities.User.me()\n` });
    assert.deepEqual(triples.filter(([id]) => id === 'acme/entities'), [['acme/entities', 'f.ts', 3]], '!User excludes one name');
  });

  it('stays quiet on look-alikes: local values, shadowing parameters, comments, strings, local factories', () => {
    const { triples } = scanMemory({
      'src/repo.ts': [
        `import { createClient } from '@acme/sdk'`,
        `const acme = makeRepo(pool)`,
        `acme.from('orders')`,
        `// acme.from('comment')`,
        `const s = "acme.from('string')"`,
        `function createClientFromRequest(req: unknown) { return { from: (t: string) => t } }`,
        `createClientFromRequest(null).from('x')`,
        `function handler(createClient: () => any) { return createClient().from('shadowed') }`,
      ].join('\n'),
      'docs/guide.md': "Use `acme.from('x')` from @acme/sdk",
      'docs/page.mdx': "import { createClient } from '@acme/sdk'\n\nacme.from('x')",
    });
    assert.deepEqual(triples.filter(([id]) => id !== 'acme/import'), []);
  });

  it('keeps a binding through destructuring, await, assignment, require and dynamic import', () => {
    const { triples } = scanMemory({
      'a.js': [
        `const { createClient } = require('@acme/sdk')`,
        `let db`,
        `db = createClient()`,
        `db.from('a')`,
        `const { from } = db`,
        `async function f() { const sdk = await import('@acme/sdk'); sdk.createClient().from('b') }`,
      ].join('\n'),
    });
    assert.deepEqual(triples.filter(([id]) => id === 'acme/from'), [['acme/from', 'a.js', 4], ['acme/from', 'a.js', 6]]);
  });

  it('binds callback parameters with =>N and platform specifier maps', () => {
    const { triples } = scanMemory({
      'convex/todos.ts': `import { query } from './_generated/server'\nexport const list = query({ handler: async (ctx) => ctx.db.query('todos') })\nconst other = (ctx: any) => ctx.db.query('x')\n`,
    });
    assert.deepEqual(triples.filter(([id]) => id === 'acme/handler-db'), [['acme/handler-db', 'convex/todos.ts', 2]]);
  });

  it('matches globals only when not shadowed', () => {
    const { triples } = scanMemory({
      'fn/index.ts': `Deno.serve(async (req) => new Response('ok'))\nfunction f(Deno: any) { Deno.serve() }\n`,
    });
    assert.deepEqual(triples, [['acme/serve', 'fn/index.ts', 1]]);
  });
});

describe('factory functions', () => {
  it('follows what a local or exported factory returns, across files and through await', () => {
    const { triples } = scanMemory({
      'utils/server.ts': `import { createClient as make } from '@acme/sdk'\nexport async function createClient() {\n  const c = make()\n  return c\n}\nexport const other = () => make()\n`,
      'app/page.ts': `import { createClient, other } from '../utils/server'\nconst db = await createClient()\ndb.from('notes')\nother().from('x')\ncreateClient.from\n`,
      'app/local.ts': `function helper() { return { from: (t: string) => t } }\nhelper().from('x')\n`,
    });
    assert.deepEqual(triples.filter(([id]) => id === 'acme/from'), [['acme/from', 'app/page.ts', 3], ['acme/from', 'app/page.ts', 4]]);
  });
});

describe('wrapper functions', () => {
  it('does not count calls of a wrapper around a platform call as extra touch points', () => {
    const { triples } = scanMemory({
      'src/api.ts': `import { createClient } from '@acme/sdk'\nconst acme = createClient()\nexport const listOrders = () => acme.from('orders')\n`,
      'src/page.ts': `import { listOrders } from './api'\nlistOrders()\nlistOrders()\n`,
    });
    assert.deepEqual(triples.filter(([id]) => id === 'acme/from'), [['acme/from', 'src/api.ts', 3]]);
  });
});
