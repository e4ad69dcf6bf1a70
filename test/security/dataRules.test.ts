// Open data rules and platform configuration: the parsers behind the checks (Firebase rules language,
// SQL splitter, migration schema) and the built-in rules on small in-memory workspaces.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanTexts } from '../../server/src/engine/audit';
import { parseRules } from '../../server/src/engine/checks/dataRules/rulesLang';
import { expand, onlyChecksSignIn, openKind, tokenize } from '../../server/src/engine/checks/dataRules/rulesExpr';
import { splitSql } from '../../server/src/engine/checks/dataRules/sqlLex';
import { readMigrations } from '../../server/src/engine/checks/dataRules/sqlSchema';
import { alwaysTrue, exposedSchemas } from '../../server/src/engine/checks/dataRules/supabaseMigrations';
import { builtinRulesDir } from '../../server/src/engine/rules/builtin';
import { loadRules } from '../../server/src/engine/rules/load';

const rulesDir = builtinRulesDir();
const ruleSet = loadRules([rulesDir], rulesDir);

/** [ruleId, file, line] of findings whose rule id starts with the prefix. */
function scan(files: Record<string, string>, prefix: string): [string, string, number][] {
  const { state } = scanTexts(new Map(Object.entries(files)), ruleSet);
  return state.allFindings().filter((f) => f.ruleId.startsWith(prefix)).map((f) => [f.ruleId, f.file, f.line]);
}

describe('Firebase rules language', () => {
  const text = `rules_version = '2';
service cloud.firestore {
  match /databases/{database}/documents {
    function owns(uid) { let me = request.auth.uid; return me == uid; }
    match /users/{userId} {
      allow read: if owns(userId);
      allow write; // no condition
      match /items/{item=**} { allow get, list: if a(/x/$(userId)) && b; }
    }
  }
}`;

  it('reads nested match paths, methods, conditions and helper functions', () => {
    const rules = parseRules(text);
    assert.deepEqual(rules.allows.map((a) => [a.methods, a.condition, a.path.map((s) => s.wildcard ?? s.text).join('/')]), [
      [['read'], 'owns(userId)', 'databases/database/documents/users/userId'],
      [['write'], undefined, 'databases/database/documents/users/userId'],
      [['get', 'list'], 'a(/x/$(userId)) && b', 'databases/database/documents/users/userId/items/item'],
    ]);
    assert.deepEqual(rules.functions.get('owns'), { params: ['uid'], returns: '(request.auth.uid) == uid' });
    assert.equal(text.slice(rules.allows[1].start, rules.allows[1].end), 'allow write;');
  });

  it('inlines helper calls with their arguments', () => {
    const rules = parseRules(text);
    assert.equal(expand(tokenize('owns(userId) && x.owns(1)'), rules.functions).join(' '), '( ( request . auth . uid ) == ( userId ) ) && x . owns ( 1 )');
  });

  it('classifies open, test-mode and sign-in-only conditions', () => {
    assert.equal(openKind(tokenize('true')), 'always');
    assert.equal(openKind(tokenize('request.auth != null || (true)')), 'always');
    assert.equal(openKind(tokenize('request.time < timestamp.date(2030, 1, 1)')), 'until-date');
    assert.equal(openKind(tokenize('request.auth != null && true')), undefined);
    assert.equal(openKind(tokenize("resource.data.visibility == 'true'")), undefined);
    assert.ok(onlyChecksSignIn(tokenize('(request.auth != null) && request.auth.uid != null')));
    assert.ok(!onlyChecksSignIn(tokenize('request.auth != null && request.auth.uid == userId')));
  });
});

describe('Firestore and Storage rule checks', () => {
  const firestore = (body: string) => `service cloud.firestore {\n  match /databases/{database}/documents {\n${body}\n  }\n}\n`;

  it('reports the allow line, with write as error and read-only as warning', () => {
    const found = scan({ 'firestore.rules': firestore('    match /a/{id} {\n      allow read;\n      allow create: if true;\n    }') }, 'firebase/firestore-rules');
    assert.deepEqual(found, [
      ['firebase/firestore-rules-public-read', 'firestore.rules', 4],
      ['firebase/firestore-rules-public-write', 'firestore.rules', 5],
    ]);
  });

  it('flags sign-in-only checks on user-keyed paths, not ownership checks or other paths', () => {
    const body = [
      '    match /users/{userId} { allow read: if request.auth != null; }',
      '    match /profiles/{userId} { allow read: if request.auth != null && request.auth.uid == userId; }',
      '    match /rooms/{roomId} { allow read: if request.auth != null; }',
    ].join('\n');
    assert.deepEqual(scan({ 'firestore.rules': firestore(body) }, 'firebase/firestore-rules'), [['firebase/firestore-rules-auth-only', 'firestore.rules', 3]]);
  });

  it('keeps Firestore and Storage findings apart, and ignores files that are not Security Rules', () => {
    const storage = 'service firebase.storage {\n  match /b/{bucket}/o {\n    match /{all=**} { allow write: if true; }\n  }\n}\n';
    const files = { 'storage.rules': storage, 'udev/99-usb.rules': 'allow write: if true;\n' };
    assert.deepEqual(scan(files, 'firebase/firestore-rules'), []);
    assert.deepEqual(scan(files, 'firebase/storage-rules'), [['firebase/storage-rules-public-write', 'storage.rules', 3]]);
  });
});

describe('SQL splitting', () => {
  it('keeps semicolons inside strings, quoted identifiers, comments and dollar-quoted bodies', () => {
    const sql = `select ';' as "a;b"; -- x; y\n/* a /* nested; */ still; */ create function f() returns int as $body$ select 1; $body$ language sql;\nselect E'it\\'s;', $1;`;
    const statements = splitSql(sql).map((s) => sql.slice(s.start, s.end));
    assert.deepEqual(statements, [`select ';' as "a;b"`, 'create function f() returns int as $body$ select 1; $body$ language sql', `select E'it\\'s;', $1`]);
  });
});

describe('Supabase migrations as one schema', () => {
  it('follows RLS, renames, drops, policies and functions across files in order', () => {
    const schema = readMigrations([
      { file: '1.sql', text: 'create table t (id int); create table "Public"."X" (id int); create policy p on t to anon using (true); create function f() returns int language sql security definer as $$ select 1 $$;' },
      { file: '2.sql', text: 'alter table t rename to u; alter table u enable row level security; drop policy p on u; alter function f() set search_path = \'\';' },
    ]);
    assert.deepEqual([...schema.tables.keys()], ['Public.X', 'public.u']);
    assert.equal(schema.tables.get('public.u')!.rls, true);
    assert.equal(schema.policies.size, 0);
    const f = schema.functions.get('public.f')!;
    assert.deepEqual([f.definer, f.searchPath], [true, true]);
  });

  it('reads [api] schemas from config.toml, defaulting to public', () => {
    assert.deepEqual([...exposedSchemas(undefined)], ['public']);
    assert.deepEqual([...exposedSchemas('[api]\nport = 1\nschemas = [\n "public",\n "api"\n]\n[db]\nschemas = ["x"]\n')], ['public', 'api']);
    assert.deepEqual([...exposedSchemas('[db]\nport = 5\n')], ['public']);
  });

  it('recognises always-true policy expressions only', () => {
    const tokens = (sql: string) => splitSql(`select ${sql}`)[0].tokens.slice(1);
    assert.ok(alwaysTrue(tokens('((true))')));
    assert.ok(alwaysTrue(tokens('1 = 1')));
    assert.ok(alwaysTrue(tokens('owner = auth.uid() or true')));
    assert.ok(!alwaysTrue(tokens('auth.uid() is not null and true')));
    assert.ok(!alwaysTrue(tokens('1 = 2')));
  });

  it('reports tables at their create line and treats each supabase/ folder as its own project', () => {
    const found = scan({
      'apps/a/supabase/migrations/1_init.sql': 'create table notes (id int);\n',
      'apps/b/supabase/migrations/1_init.sql': '-- b\ncreate table notes (id int);\n',
      'apps/b/supabase/migrations/2_rls.sql': 'alter table public.notes enable row level security;\n',
      'db/migrations/1_init.sql': 'create table plain (id int);\n',
    }, 'supabase/rls-missing');
    assert.deepEqual(found, [['supabase/rls-missing', 'apps/a/supabase/migrations/1_init.sql', 1]]);
  });
});

describe('PocketBase, Appwrite and CORS checks', () => {
  it('tells empty-string rules from null ones in migrations and exported schemas', () => {
    const found = scan({
      'pb_migrations/1_x.js': 'migrate((app) => { const c = app.findCollectionByNameOrId("orders"); c.viewRule = ""; c.deleteRule = null; });\n',
      'pb_schema.json': '[{ "name": "posts", "type": "base",\n  "listRule": null,\n  "updateRule": " " }]\n',
    }, 'pocketbase/empty-rule');
    assert.deepEqual(found, [
      ['pocketbase/empty-rule-read', 'pb_migrations/1_x.js', 1],
      ['pocketbase/empty-rule-write', 'pb_schema.json', 3],
    ]);
  });

  it('needs Role.any() from the Appwrite SDK inside a write permission', () => {
    const code = "import { Permission, Role } from 'node-appwrite';\nconst p = [Permission.read(Role.any()), Permission.update(Role.team('t')), Permission.create(Role.any())];\n";
    assert.deepEqual(scan({ 'fn/main.js': code }, 'appwrite/write-permission-any'), [['appwrite/write-permission-any', 'fn/main.js', 2]]);
  });

  it('pairs a permissive origin with credentials, and leaves wildcard-only or allowlisted CORS alone', () => {
    const found = scan({
      'a.ts': "import { cors } from 'hono/cors';\napp.use(cors({ origin: '*', credentials: true }));\n",
      'b.ts': "export const h = { 'Access-Control-Allow-Origin': '*' };\n",
      'c.ts': "const o = req.headers.origin;\nres.header('Access-Control-Allow-Origin', o);\nres.header('Access-Control-Allow-Credentials', true);\n",
      'netlify.toml': '[[headers]]\n  for = "/*"\n  [headers.values]\n    Access-Control-Allow-Origin = "https://app.example.com"\n    Access-Control-Allow-Credentials = "true"\n',
    }, 'generic/cors');
    assert.deepEqual(found, [['generic/cors-credentials-any-origin', 'a.ts', 2], ['generic/cors-credentials-any-origin', 'c.ts', 2]]);
  });
});

describe('Drizzle schemas in a Supabase workspace', () => {
  const schema = [
    "import { pgTable, serial, text } from 'drizzle-orm/pg-core';",
    "export const accounts = pgTable('accounts', { id: serial('id').primaryKey(), secret: text('secret') });",
    '',
  ].join('\n');
  const manifest = (extra: string) =>
    `{ "dependencies": { "@supabase/supabase-js": "^2.45.0", "drizzle-orm": "^0.40.0" }${extra} }\n`;

  it('reports a table drizzle-kit creates without row level security', () => {
    const withKit = { 'package.json': manifest(', "devDependencies": { "drizzle-kit": "^0.31.0" }'), 'db/schema.ts': schema };
    assert.deepEqual(scan(withKit, 'supabase/drizzle'), [['supabase/drizzle-rls-missing', 'db/schema.ts', 2]]);
    const withConfig = { 'package.json': manifest(''), 'db/schema.ts': schema, 'drizzle.config.ts': 'export default {};\n' };
    assert.deepEqual(scan(withConfig, 'supabase/drizzle'), [['supabase/drizzle-rls-missing', 'db/schema.ts', 2]]);
  });

  it('stays quiet when nothing creates tables from the schema (it only types the rows)', () => {
    assert.deepEqual(scan({ 'package.json': manifest(''), 'db/schema.ts': schema }, 'supabase/drizzle'), []);
  });
});
