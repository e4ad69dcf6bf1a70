// The engine's glob-to-regex conversion means what minimatch means, on every glob the built-in
// rules use and on paths shaped like real projects.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Minimatch } from 'minimatch';
import { builtinRulesDir } from '../../server/src/engine/rules/builtin';
import { loadRules } from '../../server/src/engine/rules/load';
import { globsToMatcher, globsToRegExp, requiredLiterals } from '../../server/src/engine/util/glob';

const PATHS = [
  'package.json', 'src/index.ts', 'src/api/base44Client.js', 'src/pages/Deals.jsx', '.env', '.env.local', 'apps/web/.env.production',
  'supabase/config.toml', 'supabase/migrations/20240101_init.sql', 'apps/api/supabase/migrations/x/y.sql', 'supabase/functions/purge-user/index.ts',
  'firestore.rules', 'app/firestore.rules', 'functions/src/index.ts', 'vite.config.js', 'vite.config.mts', 'base44/functions/x/entry.ts',
  'base44/entities/Deal.jsonc', 'netlify.toml', 'netlify/functions/hello.mts', 'wrangler.toml', 'wrangler.jsonc', '.dev.vars', 'vercel.json',
  'amplify/data/resource.ts', 'amplify_outputs.json', 'pb_migrations/1_init.js', 'convex/schema.ts', 'convex/_generated/api.js',
  'a/b/c/d/e.tsx', 'types/index.d.ts', 'src/x.test.ts', 'node_modules/x/index.js', 'lib/__tests__/a.js', '_redirects', 'public/_headers',
  'key.pem', 'docker/Dockerfile', 'settings.yaml', 'config/app.yml', 'src/.hidden/file.ts', 'README.md', 'a.min.js', 'x.js.map',
];

describe('globsToRegExp', () => {
  const rulesDir = builtinRulesDir();
  const ruleSet = loadRules([rulesDir], rulesDir);
  const globs = [...new Set(ruleSet.rules.flatMap((r) => [...(r.files?.include ?? []), ...(r.files?.exclude ?? [])]))];

  it('agrees with minimatch on every built-in rule glob', () => {
    assert.deepEqual(ruleSet.errors, []);
    assert.ok(globs.length > 20);
    const disagreements: string[] = [];
    for (const glob of globs) {
      const mm = new Minimatch(glob, { dot: true });
      const re = globsToRegExp([glob]);
      const matcher = globsToMatcher([glob]);
      for (const path of PATHS) {
        if (mm.match(path) !== re.test(path)) disagreements.push(`${glob} on ${path}: minimatch ${mm.match(path)}`);
        if (mm.match(path) !== matcher.test(path)) disagreements.push(`matcher of ${glob} on ${path}: minimatch ${mm.match(path)}`);
      }
    }
    assert.deepEqual(disagreements, []);
  });

  it('matches every rule glob list as minimatch does, testing name globs on the file name', () => {
    const lists = ruleSet.rules.flatMap((r) => [r.files?.include, r.files?.exclude]).filter((l): l is string[] => !!l);
    const wrong: string[] = [];
    for (const list of lists) {
      const globs = list.map((g) => new Minimatch(g, { dot: true }));
      const matcher = globsToMatcher(list);
      for (const path of PATHS) if (globs.some((g) => g.match(path)) !== matcher.test(path)) wrong.push(`${list.join(',')} on ${path}`);
    }
    assert.deepEqual(wrong, []);
    const mixed = globsToMatcher(['**/*.rules', 'supabase/**/*.sql', '**/.env.*']);
    assert.ok(mixed.test('firestore.rules') && mixed.test('a/b/storage.rules') && mixed.test('supabase/m/1.sql') && mixed.test('x/.env.local'));
    assert.ok(!mixed.test('rules/x.ts') && !mixed.test('x/supabase/m/1.sql') && !mixed.test('.env'));
  });

  it('handles globstars, braces, classes and lists', () => {
    const re = globsToRegExp(['**/supabase/migrations/**/*.sql', 'src/{api,lib}/*.[jt]s', '*.rules']);
    assert.ok(re.test('supabase/migrations/1.sql'));
    assert.ok(re.test('x/supabase/migrations/a/b/1.sql'));
    assert.ok(re.test('src/api/a.ts') && re.test('src/lib/b.js') && !re.test('src/ui/c.ts'));
    assert.ok(re.test('firestore.rules') && !re.test('app/firestore.rules'));
  });
});

describe('requiredLiterals', () => {
  it('names text that every path a glob list matches contains', () => {
    assert.deepEqual(requiredLiterals(['**/supabase/functions/**']), ['supabase/functions']);
    assert.deepEqual(requiredLiterals(['**/wrangler.toml', '**/.dev.vars.*']), ['wrangler.toml', '.dev.vars.']);
    assert.deepEqual(requiredLiterals(['**/netlify/functions/*/*.{js,ts}']), ['netlify/functions']);
    assert.deepEqual(requiredLiterals(['**/amplify/backend/api/**/*.graphql']), ['amplify/backend/api']);
  });

  it('names none when a glob has no plain text long enough, or only inside groups', () => {
    assert.equal(requiredLiterals(['**/*.{js,ts}']), undefined);
    assert.equal(requiredLiterals(['**/wrangler.toml', '**/*']), undefined);
    assert.equal(requiredLiterals(['x{ab,{cd,ef}}gh']), undefined);
    assert.deepEqual(requiredLiterals(['src/[ab]cd/**/file.ts']), ['file.ts']);
  });

  it('never rules out a path that a built-in rule glob matches', () => {
    const rulesDir = builtinRulesDir();
    const includes = loadRules([rulesDir], rulesDir).rules.flatMap((r) => (r.files?.include ? [r.files.include] : []));
    const paths = [...PATHS, 'supabase/functions', 'x/base44/functions/a/function.jsonc', 'pb_hooks/main.pb.js', 'amplify/backend/api/x/schema.graphql'];
    const wrong: string[] = [];
    let filtered = 0;
    for (const include of includes) {
      const literals = requiredLiterals(include);
      if (literals) filtered++;
      const re = globsToRegExp(include);
      for (const path of paths) if (re.test(path) && literals && !literals.some((l) => path.includes(l))) wrong.push(`${include.join(',')} on ${path}`);
    }
    assert.deepEqual(wrong, []);
    assert.ok(filtered > 20, `only ${filtered} selections have literals`);
  });
});

