// Framework context: a client one handler puts in SvelteKit's `locals` or page data, or Hono's context
// variables, is the same client where another handler or component reads it.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanMemory } from '../helpers/workspace';
import type { FileScan } from '../../server/src/engine/scan/scanFile';
import { ContextTable } from '../../server/src/engine/workspace/contextTable';

const fromLines = (triples: [string, string, number][]) => triples.filter(([id]) => id === 'acme/from').map(([, file, line]) => `${file}:${line}`);

describe('framework context', () => {
  it('follows SvelteKit locals set in a hook or typed in App.Locals, read directly, destructured or through event', () => {
    const { triples } = scanMemory({
      'src/hooks.server.ts': `import { createClient } from '@acme/sdk'\nexport const handle = async ({ event, resolve }) => {\n  event.locals.db = createClient()\n  return resolve(event)\n}\n`,
      'src/app.d.ts': `import type { AcmeClient } from '@acme/sdk'\ndeclare global {\n  namespace App {\n    interface Locals { typed: AcmeClient }\n  }\n}\nexport {}\n`,
      'src/routes/+page.server.ts': [
        `export const load = async ({ locals }) => locals.db.from('a')`,
        `export const actions = { save: async ({ locals: { db } }) => db.from('b') }`,
        `export async function GET(event) {`,
        `  const { db } = event.locals`,
        `  event.locals.typed.from('c')`,
        `  return db.from('d')`,
        `}`,
      ].join('\n'),
    });
    assert.deepEqual(fromLines(triples), ['src/routes/+page.server.ts:1', 'src/routes/+page.server.ts:2', 'src/routes/+page.server.ts:5', 'src/routes/+page.server.ts:6']);
  });

  it('follows Hono context variables set by middleware and read with c.get or c.var', () => {
    const { triples } = scanMemory({
      'src/middleware.ts': `import { createClient } from '@acme/sdk'\nexport const withDb = async (c, next) => {\n  c.set('db', createClient())\n  await next()\n}\n`,
      'src/routes.ts': `import { Hono } from 'hono'\nconst app = new Hono()\napp.get('/a', (c) => c.get('db').from('a'))\napp.get('/b', (c) => c.var.db.from('b'))\n`,
    });
    assert.deepEqual(fromLines(triples), ['src/routes.ts:3', 'src/routes.ts:4']);
  });

  it('follows React context holding a client: default value, declared type, or provider value, through a custom hook', () => {
    const { triples } = scanMemory({
      'src/lib/client.ts': `import { createClient } from '@acme/sdk'\nexport const db = createClient()\n`,
      'src/context.tsx': [
        `import { createContext, useContext } from 'react'`,
        `import type { AcmeClient } from '@acme/sdk'`,
        `import { db } from './lib/client'`,
        `const Direct = createContext(db)`,
        `const Typed = createContext<AcmeClient | null>(null)`,
        `const Provided = createContext(null)`,
        `export const Root = ({ children }) => <Provided.Provider value={db}>{children}</Provided.Provider>`,
        `export function useDirect() { return useContext(Direct) }`,
        `export const useTyped = () => useContext(Typed)`,
        `export function useProvided() { return useContext(Provided) }`,
      ].join('\n'),
      'src/Orders.tsx': `import { useDirect, useTyped, useProvided } from './context'\nexport function Orders() {\n  useDirect().from('a')\n  useTyped()!.from('b')\n  const db = useProvided()\n  db.from('c')\n}\n`,
      'src/Theme.tsx': `import { createContext, useContext } from 'react'\nconst Theme = createContext({ from: (t: string) => t })\nexport const useTheme = () => useContext(Theme).from('dark')\n`,
    });
    assert.deepEqual(fromLines(triples), ['src/Orders.tsx:3', 'src/Orders.tsx:4', 'src/Orders.tsx:6']);
  });

  it('follows SvelteKit page data: what a route load returns, read through $props() in a component', () => {
    const { triples } = scanMemory({
      'src/routes/+layout.ts': `import { createClient } from '@acme/sdk'\nexport const load = async () => {\n  const db = createClient()\n  return { db, title: 'x' }\n}\n`,
      'src/routes/notes/+page.ts': `export function load() {\n  return { notes: [], repo: { from: (t: string) => t } }\n}\n`,
      'src/routes/notes/+page.svelte': [
        `<script lang="ts">`,
        `  let { data } = $props()`,
        `  let { db } = data`,
        `  db.from('a')`,
        `  data.db.from('b')`,
        `  data.repo.from('c')`,
        `</script>`,
      ].join('\n'),
      'src/lib/helper.ts': `export function load() { return { db: null } }\nexport const read = (data: { db: { from(t: string): void } }) => data.db.from('d')\n`,
    });
    assert.deepEqual(fromLines(triples), ['src/routes/notes/+page.svelte:4', 'src/routes/notes/+page.svelte:5']);
  });

  it('stays quiet on keys nobody writes a client to, and on local maps and objects', () => {
    const { triples } = scanMemory({
      'src/hooks.server.ts': `import { createClient } from '@acme/sdk'\nexport const handle = async ({ event }) => { event.locals.db = createClient(); event.locals.user = null }\n`,
      'src/routes/+page.server.ts': [
        `export const load = async ({ locals }) => [locals.user.from('a'), locals.other.from('b')]`,
        `const cache = new Map()`,
        `cache.get('db').from('c')`,
        `const locals = { db: makeRepo() }`,
        `locals.db.from('d')`,
      ].join('\n'),
    });
    assert.deepEqual(fromLines(triples), []);
  });
});

describe('framework context: which unparsed files may read a key', () => {
  const ref = { root: { kind: 'module' as const, module: '@acme/sdk' }, path: [] };
  const context = { 'locals.db': ref, 'var.A': ref, 'var.client': ref, 'env.DB': ref, 'data.supabase': ref };
  const scan = { file: 'src/hooks.ts', kind: 'js', text: '', parsed: true, literals: new Set(), hits: [], errors: [], facts: { imports: [], sites: [], exports: {}, starExports: [], context } };
  const table = new ContextTable(new Map([['src/hooks.ts', scan as unknown as FileScan]]));

  it('asks for a carrier word and a key name written under that carrier, one letter long or longer', () => {
    assert.equal(table.mayRead('export const load = ({ locals }) => locals.db'), true);
    assert.equal(table.mayRead("app.get('/', (c) => c.get('client'))"), true);
    assert.equal(table.mayRead('c.var.A.from("x")'), true);
    assert.equal(table.mayRead('const { supabase } = $props()'), true);
    assert.equal(table.mayRead('export default { fetch(req, env) { return env.DB } }'), true);
    // A name without its carrier's word, or a carrier's word with only another carrier's names.
    assert.equal(table.mayRead('const client = makeClient(); locals = 1'), false);
    assert.equal(table.mayRead('const db = env.OTHER'), false);
    assert.equal(table.mayRead('const supabase = createClient()'), false);
  });
});
