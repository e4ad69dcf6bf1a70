// Framework context: a client one handler puts in SvelteKit's `locals` or page data, or Hono's context
// variables, is the same client where another handler or component reads it.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanMemory } from '../helpers/workspace';
import type { FileScan } from '../../server/src/engine/scan/scanFile';
import { ContextTable } from '../../server/src/engine/workspace/contextTable';

const fromLines = (triples: [string, string, number][]) =>
  triples.filter(([id]) => id === 'acme/from').map(([, file, line]) => `${file}:${line}`);

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
    assert.deepEqual(fromLines(triples), [
      'src/routes/+page.server.ts:1',
      'src/routes/+page.server.ts:2',
      'src/routes/+page.server.ts:5',
      'src/routes/+page.server.ts:6',
    ]);
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
  const writer = (file: string) =>
    ({
      file,
      kind: 'js',
      text: '',
      parsed: true,
      literals: new Set(),
      hits: [],
      errors: [],
      facts: { imports: [], sites: [], exports: {}, starExports: [], context },
    }) as unknown as FileScan;
  const table = new ContextTable(new Map([['src/hooks.ts', writer('src/hooks.ts')]]));
  const mayRead = (text: string) => table.mayRead('src/routes/page.ts', text);

  it('asks for a carrier word and a key name written under that carrier, one letter long or longer', () => {
    assert.equal(mayRead('export const load = ({ locals }) => locals.db'), true);
    assert.equal(mayRead("app.get('/', (c) => c.get('client'))"), true);
    assert.equal(mayRead('c.var.A.from("x")'), true);
    assert.equal(mayRead('const { supabase } = $props()'), true);
    assert.equal(mayRead('export default { fetch(req, env) { return env.DB } }'), true);
    // A name without its carrier's word, or a carrier's word with only another carrier's names.
    assert.equal(mayRead('const client = makeClient(); locals = 1'), false);
    assert.equal(mayRead('const db = env.OTHER'), false);
    assert.equal(mayRead('const supabase = createClient()'), false);
  });

  it('asks for the name as a whole word, not inside a longer one', () => {
    assert.equal(mayRead("const rows = Array.from(map.get('Alpha'))"), false);
    assert.equal(mayRead("const c = params.get('clientId')"), false);
    assert.equal(mayRead('const { dbUrl } = locals'), false);
    assert.equal(mayRead('const { db } = locals'), true);
  });

  it("looks only for the keys written in the file's own project (the topmost folder with a package.json)", () => {
    const pkg = { file: '', kind: 'json', text: '{}', parsed: false, literals: new Set(), hits: [], errors: [] };
    const scans = new Map<string, FileScan>([
      ['shop/package.json', { ...pkg, file: 'shop/package.json' } as unknown as FileScan],
      ['shop/src/hooks.ts', writer('shop/src/hooks.ts')],
      ['blog/package.json', { ...pkg, file: 'blog/package.json' } as unknown as FileScan],
      ['blog/packages/web/package.json', { ...pkg, file: 'blog/packages/web/package.json' } as unknown as FileScan],
    ]);
    const apps = new ContextTable(scans);
    const reader = 'export const load = ({ locals }) => locals.db';
    assert.equal(apps.mayRead('shop/src/routes/+page.server.ts', reader), true);
    assert.equal(apps.mayRead('blog/packages/web/src/routes/+page.server.ts', reader), false);
    assert.equal(apps.mayRead('tools/script.ts', reader), false);
    // A package.json at the workspace root makes the whole workspace one project.
    scans.set('package.json', { ...pkg, file: 'package.json' } as unknown as FileScan);
    apps.changed('package.json');
    assert.equal(apps.mayRead('blog/packages/web/src/routes/+page.server.ts', reader), true);
  });
});
