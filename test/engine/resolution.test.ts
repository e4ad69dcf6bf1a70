// Module resolution: index modules, workspace packages, framework aliases and Deno import maps all
// lead an import to the file that exports the client, so its uses are found.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanMemory } from '../helpers/workspace';

const client = `import { createClient } from '@acme/sdk'\nexport const db = createClient({ appId: 'x' })\n`;
const fromLines = (triples: [string, string, number][]) => triples.filter(([id]) => id === 'acme/from');

describe('module resolution', () => {
  it('follows a client exported from an index module, imported as ./index, ., ./index.ts and ..', () => {
    const { triples } = scanMemory({
      'src/index.ts': client,
      'src/a.ts': `import { db } from './index'\ndb.from('a')\n`,
      'src/b.ts': `import { db } from '.'\ndb.from('b')\n`,
      'src/c.ts': `import { db } from './index.ts'\ndb.from('c')\n`,
      'src/nested/d.ts': `import { db } from '..'\ndb.from('d')\n`,
    });
    assert.deepEqual(fromLines(triples), [['acme/from', 'src/a.ts', 2], ['acme/from', 'src/b.ts', 2], ['acme/from', 'src/c.ts', 2], ['acme/from', 'src/nested/d.ts', 2]]);
  });

  it('follows workspace packages through exports, main and a built entry mapped back to src/', () => {
    const { triples } = scanMemory({
      'package.json': JSON.stringify({ name: 'shop', private: true, workspaces: ['packages/*', 'apps/*'] }),
      'packages/db/package.json': JSON.stringify({ name: '@shop/db', exports: { '.': { types: './src/index.ts', default: './dist/index.js' }, './admin': './src/admin.ts' } }),
      'packages/db/src/index.ts': client,
      'packages/db/src/admin.ts': `export { db as adminDb } from './index'\n`,
      'packages/legacy/package.json': JSON.stringify({ name: 'legacy-db', main: 'dist/main.js' }),
      'packages/legacy/src/main.ts': client,
      'apps/web/package.json': JSON.stringify({ name: 'web', dependencies: { '@shop/db': 'workspace:*', 'legacy-db': 'workspace:^' } }),
      'apps/web/app/page.tsx': `import { db } from '@shop/db'\nimport { adminDb } from '@shop/db/admin'\nimport { db as old } from 'legacy-db'\ndb.from('a')\nadminDb.from('b')\nold.from('c')\n`,
    });
    assert.deepEqual(fromLines(triples), [['acme/from', 'apps/web/app/page.tsx', 4], ['acme/from', 'apps/web/app/page.tsx', 5], ['acme/from', 'apps/web/app/page.tsx', 6]]);
  });

  it('leaves a package that is not in the workspace, and a tracked SDK of the same name, to the registry', () => {
    const { triples } = scanMemory({
      'packages/db/package.json': JSON.stringify({ name: '@shop/db', main: 'src/index.ts' }),
      'packages/db/src/index.ts': `export const db = { from: (t: string) => t }\n`,
      'packages/sdk/package.json': JSON.stringify({ name: '@acme/sdk', main: 'src/index.ts' }),
      'packages/sdk/src/index.ts': `export function createClient() { return { from: (t: string) => t } }\n`,
      'app.ts': `import { db } from '@shop/db'\nimport { db as other } from '@other/db'\nimport { createClient } from '@acme/sdk'\ndb.from('x')\nother.from('y')\ncreateClient().from('z')\n`,
    });
    assert.deepEqual(fromLines(triples), [['acme/from', 'app.ts', 6]]);
  });

  it('never lets a tsconfig alias shaped like an SDK scope shadow the SDK in the rest of a monorepo', () => {
    const { triples } = scanMemory({
      'apps/worker/tsconfig.json': JSON.stringify({ compilerOptions: { paths: { '@acme/*': ['../../packages/vendored/*'] } } }),
      'apps/web/lib/db.ts': `import { createClient } from '@acme/sdk'\nexport const db = createClient()\ndb.from('web')\n`,
      'apps/worker/job.ts': `import { createClient } from '@acme/sdk'\ncreateClient().from('worker')\n`,
    });
    assert.deepEqual(fromLines(triples), [['acme/from', 'apps/web/lib/db.ts', 3], ['acme/from', 'apps/worker/job.ts', 2]]);
  });

  it('follows SvelteKit $lib and Nuxt ~, @ and ~~ aliases', () => {
    const { triples } = scanMemory({
      'kit/package.json': JSON.stringify({ devDependencies: { '@sveltejs/kit': '^2.0.0' } }),
      'kit/src/lib/server/db.ts': client,
      'kit/src/lib/index.ts': `export { db } from './server/db'\n`,
      'kit/src/routes/+page.server.ts': `import { db } from '$lib/server/db'\nimport { db as again } from '$lib'\ndb.from('a')\nagain.from('b')\n`,
      'nuxt/nuxt.config.ts': `export default defineNuxtConfig({})\n`,
      'nuxt/server/utils/db.ts': client,
      'nuxt/utils/store.ts': client,
      'nuxt/server/api/items.ts': `import { db } from '~/server/utils/db'\nimport { db as two } from '~~/utils/store'\nimport { db as three } from '@/utils/store'\ndb.from('c')\ntwo.from('d')\nthree.from('e')\n`,
    });
    assert.deepEqual(fromLines(triples), [
      ['acme/from', 'kit/src/routes/+page.server.ts', 3], ['acme/from', 'kit/src/routes/+page.server.ts', 4],
      ['acme/from', 'nuxt/server/api/items.ts', 4], ['acme/from', 'nuxt/server/api/items.ts', 5], ['acme/from', 'nuxt/server/api/items.ts', 6],
    ]);
  });

  it('reads Deno import maps: a relative target is a workspace alias, a package target renames the module', () => {
    const { triples } = scanMemory({
      'supabase/functions/deno.json': JSON.stringify({ imports: { '@shared/': './_shared/', 'sdk': 'npm:@acme/sdk@2', 'sdk/': 'npm:/@acme/sdk@2/' } }),
      'supabase/functions/_shared/db.ts': client,
      'supabase/functions/orders/index.ts': `import { db } from '@shared/db.ts'\nimport { createClient } from 'sdk'\ndb.from('a')\ncreateClient().from('b')\n`,
      'supabase/functions/mapped-only/index.ts': `import { createClient } from 'sdk'\ncreateClient().from('c')\n`,
      'other/index.ts': `import { createClient } from 'sdk'\ncreateClient().from('outside the map')\n`,
    });
    assert.deepEqual(fromLines(triples), [
      ['acme/from', 'supabase/functions/mapped-only/index.ts', 2],
      ['acme/from', 'supabase/functions/orders/index.ts', 3], ['acme/from', 'supabase/functions/orders/index.ts', 4],
    ]);
  });

  it('ignores an import map target Deno cannot resolve: the SDK keeps its own name everywhere', () => {
    // A root deno.json once mapped the SDK to a bare, versioned name; the web app beside it still
    // imports the real SDK, and its calls must stay visible.
    const { triples } = scanMemory({
      'deno.json': JSON.stringify({ imports: { '@acme/sdk': '@acme/sdk.1.2', 'left-pad': 'left-pad.1' } }),
      'src/db.ts': `import { createClient } from '@acme/sdk'\nexport const db = createClient()\ndb.from('orders')\n`,
    });
    assert.deepEqual(fromLines(triples), [['acme/from', 'src/db.ts', 3]]);
  });
});
