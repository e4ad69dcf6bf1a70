// Counting: a client made in a factory is made once, however many places call the factory.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinRulesDir } from '../../server/src/engine/rules/builtin';
import { loadRules } from '../../server/src/engine/rules/load';
import { scanMemory } from '../helpers/workspace';

const page = (table: string) => `import { createClient } from '@/utils/supabase/server'\n\nexport default async function Page() {\n  const supabase = await createClient()\n  const { data } = await supabase.from('${table}').select()\n  return data\n}\n`;

describe('client creations', () => {
  it('counts one creation for the Next.js template layout: one server helper called by five pages', () => {
    const rulesDir = builtinRulesDir();
    const { triples } = scanMemory({
      'tsconfig.json': JSON.stringify({ compilerOptions: { paths: { '@/*': ['./*'] } } }),
      'utils/supabase/server.ts': [
        `import { createServerClient } from '@supabase/ssr'`,
        `import { cookies } from 'next/headers'`,
        `export async function createClient() {`,
        `  const cookieStore = await cookies()`,
        `  return createServerClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!, {`,
        `    cookies: { getAll: () => cookieStore.getAll(), setAll: () => {} },`,
        `  })`,
        `}`,
      ].join('\n'),
      'app/notes/page.tsx': page('notes'),
      'app/todos/page.tsx': page('todos'),
      'app/profile/page.tsx': page('profiles'),
      'app/teams/page.tsx': page('teams'),
      'app/private/page.tsx': page('secrets'),
    }, loadRules([rulesDir], rulesDir));
    assert.deepEqual(triples.filter(([id]) => id === 'supabase/ssr-client'), [['supabase/ssr-client', 'utils/supabase/server.ts', 5]]);
    assert.equal(triples.filter(([id]) => id === 'supabase/query-builder').length, 5, 'every page still queries');
  });

  it('counts a creation once when a local factory is called, and every direct creation', () => {
    const { triples } = scanMemory({
      'a.ts': [
        `import { createClient } from '@acme/sdk'`,
        `function make() { return createClient() }`,
        `make().from('a')`,
        `make().from('b')`,
        `const direct = createClient()`,
      ].join('\n'),
    });
    assert.deepEqual(triples.filter(([id]) => id === 'acme/create'), [['acme/create', 'a.ts', 2], ['acme/create', 'a.ts', 5]]);
    assert.equal(triples.filter(([id]) => id === 'acme/from').length, 2);
  });
});
