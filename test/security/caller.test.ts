// The caller checks: privileged code (Base44 service role, Supabase service-role clients,
// firebase-admin) must come after a verified caller; verify_jwt = false needs a check in code;
// requiresAuth: false clients used for writes. Each test scans a small in-memory workspace.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanTexts } from '../../server/src/engine/audit';
import { isSecretKeyLiteral } from '../../server/src/engine/checks/caller/platforms';
import { disabledFunctions } from '../../server/src/engine/checks/caller/verifyJwt';
import { builtinRulesDir } from '../../server/src/engine/rules/builtin';
import { loadRules } from '../../server/src/engine/rules/load';
import type { Finding } from '../../server/src/engine/types';

const rulesDir = builtinRulesDir();
const ruleSet = loadRules([rulesDir], rulesDir);

function scan(files: Record<string, string>, ruleId: string): Finding[] {
  const { state } = scanTexts(new Map(Object.entries(files)), ruleSet);
  return state.allFindings().filter((f) => f.ruleId === ruleId);
}

const lines = (findings: Finding[]) => findings.map((f) => `${f.file}:${f.line}`);

/** A JWT-shaped string with the given payload (the signature is filler). */
function fakeJwt(payload: object): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}.${'s'.repeat(43)}`;
}

const B44 = 'base44/service-role-without-caller-check';
const b44Head = "import { createClientFromRequest } from 'npm:@base44/sdk';\n";

describe('Base44 service role', () => {
  const handler = (body: string) => `${b44Head}Deno.serve(async (req) => {\n  const b = createClientFromRequest(req);\n${body}\n});\n`;

  it('is silenced by a guard before the call and not by one after it', () => {
    const before = handler('  const u = await b.auth.me().catch(() => null);\n  if (!u) return new Response(null, { status: 401 });\n  return Response.json(await b.asServiceRole.entities.X.list());');
    const after = handler('  const rows = await b.asServiceRole.entities.X.list();\n  const u = await b.auth.me().catch(() => null);\n  if (!u) return new Response(null, { status: 401 });\n  return Response.json(rows);');
    assert.deepEqual(lines(scan({ 'f/entry.ts': before }, B44)), []);
    assert.deepEqual(lines(scan({ 'f/entry.ts': after }, B44)), ['f/entry.ts:4']);
  });

  it('reports only the first unguarded call of a handler, naming the operation', () => {
    const found = scan({ 'f/entry.ts': handler('  await b.asServiceRole.entities.A.delete("1");\n  await b.asServiceRole.entities.B.delete("2");\n  return new Response();') }, B44);
    assert.equal(found.length, 1);
    assert.equal(found[0].line, 4);
    assert.match(found[0].message, /b\.asServiceRole\.entities\.A\.delete\('1'\)/);
  });

  it('treats the success branch of a test as guarded and the failure branch as not', () => {
    const success = handler('  const u = await b.auth.me().catch(() => null);\n  if (u) { await b.asServiceRole.entities.X.list(); }\n  return new Response();');
    const failure = handler('  const u = await b.auth.me().catch(() => null);\n  if (!u) { await b.asServiceRole.entities.X.list(); }\n  return new Response();');
    assert.equal(scan({ 'f/entry.ts': success }, B44).length, 0);
    assert.equal(scan({ 'f/entry.ts': failure }, B44).length, 1);
  });

  it('accepts a test whose branch returns without a block, and rejects a branch that falls through', () => {
    const falls = handler('  const u = await b.auth.me().catch(() => null);\n  if (!u) { console.log("anonymous"); }\n  await b.asServiceRole.entities.X.list();');
    assert.equal(scan({ 'f/entry.ts': falls }, B44).length, 1);
  });

  it('does not take an early exit for signed-in callers as a guard', () => {
    const inverted = handler('  const u = await b.auth.me().catch(() => null);\n  if (u) return new Response("hello");\n  return Response.json(await b.asServiceRole.entities.X.list());');
    assert.deepEqual(lines(scan({ 'f/entry.ts': inverted }, B44)), ['f/entry.ts:6']);
  });

  it('ignores values that merely share the SDK names', () => {
    const fake = `function createClientFromRequest(r) { return { asServiceRole: { entities: { X: { list: async () => [r] } } } }; }\nDeno.serve(async (req) => {\n  const base44 = createClientFromRequest(req);\n  return Response.json(await base44.asServiceRole.entities.X.list());\n});\n`;
    assert.equal(scan({ 'f/entry.ts': fake }, B44).length, 0);
  });
});

const SB = 'supabase/service-role-function-without-caller-check';
const sbHead = "import { createClient } from 'npm:@supabase/supabase-js@2';\n";

describe('Supabase service-role client in edge functions', () => {
  it('follows a shared admin client and a throwing guard helper across files', () => {
    const files = {
      'supabase/functions/_shared/admin.ts': `${sbHead}export const admin = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!);\n`,
      'supabase/functions/_shared/guard.ts': `import { admin } from './admin.ts';\nexport async function mustBeUser(req: Request) {\n  const { data, error } = await admin.auth.getUser(req.headers.get('Authorization') ?? '');\n  if (error || !data.user) throw new Error('unauthorized');\n  return data.user;\n}\n`,
      'supabase/functions/open/index.ts': `import { admin } from '../_shared/admin.ts';\nDeno.serve(async () => Response.json(await admin.from('t').select('*')));\n`,
      'supabase/functions/closed/index.ts': `import { admin } from '../_shared/admin.ts';\nimport { mustBeUser } from '../_shared/guard.ts';\nDeno.serve(async (req) => {\n  await mustBeUser(req);\n  return Response.json(await admin.from('t').select('*'));\n});\n`,
    };
    assert.deepEqual(lines(scan(files, SB)), ['supabase/functions/open/index.ts:2']);
  });

  it('needs the result of a value-returning helper to be tested', () => {
    const helper = `async function who(req: Request) {\n  const c = createClient('u', Deno.env.get('SUPABASE_ANON_KEY')!);\n  const { data } = await c.auth.getUser(req.headers.get('Authorization') ?? '');\n  return data.user;\n}\n`;
    const admin = "const admin = createClient('u', Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!);\n";
    const untested = `${sbHead}${helper}${admin}Deno.serve(async (req) => {\n  const user = await who(req);\n  return Response.json(await admin.from('t').select('*'));\n});\n`;
    const tested = untested.replace('  return Response.json', '  if (!user) return new Response(null, { status: 401 });\n  return Response.json');
    assert.equal(scan({ 'supabase/functions/a/index.ts': untested }, SB).length, 1);
    assert.equal(scan({ 'supabase/functions/a/index.ts': tested }, SB).length, 0);
  });

  it('carries a service-role client passed into a helper\'s parameter', () => {
    const text = `${sbHead}const admin = createClient('u', Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!);\nasync function purge(db: typeof admin, id: string) {\n  await db.from('notes').delete().eq('id', id);\n}\nDeno.serve(async (req) => {\n  await purge(admin, await req.text());\n  return new Response();\n});\n`;
    const found = scan({ 'supabase/functions/p/index.ts': text }, SB);
    assert.deepEqual(lines(found), ['supabase/functions/p/index.ts:7']);
    assert.match(found[0].message, /purge\(…, …\) → db\.from\('notes'\)/);
  });

  it('never shows a key passed inline in the message', () => {
    const key = fakeJwt({ iss: 'supabase', ref: 'abcdefghijklmnopqrst', role: 'service_role' });
    const text = `${sbHead}Deno.serve(async () => {\n  await createClient('https://x.supabase.co', '${key}').from('t').delete().neq('id', '');\n  return new Response();\n});\n`;
    const found = scan({ 'supabase/functions/k/index.ts': text }, SB);
    assert.equal(found.length, 1);
    assert.ok(!JSON.stringify(found).includes(key.split('.')[1]), 'no part of the key in the finding');
  });

  it('tells service-role keys from public ones by their claims', () => {
    assert.equal(isSecretKeyLiteral(fakeJwt({ iss: 'supabase', role: 'service_role' })), true);
    assert.equal(isSecretKeyLiteral(fakeJwt({ iss: 'supabase', role: 'anon' })), false);
    assert.equal(isSecretKeyLiteral(`sb_secret_${'x'.repeat(20)}`), true);
    assert.equal(isSecretKeyLiteral(`sb_publishable_${'x'.repeat(20)}`), false);
  });
});

const FB = 'firebase/admin-without-verify-id-token';
const FB_CALL = 'firebase/callable-without-auth-check';

describe('firebase-admin in request handlers', () => {
  const fn = (body: string) =>
    `import { onRequest } from 'firebase-functions/v2/https';\nimport { getAuth } from 'firebase-admin/auth';\nexport const f = onRequest(async (req, res) => {\n${body}\n});\n`;

  it('accepts verifyIdToken in a try whose catch answers, and rejects one whose catch swallows', () => {
    const answers = fn("  try { await getAuth().verifyIdToken(String(req.headers.authorization)); } catch { res.status(401).end(); return; }\n  await getAuth().deleteUser('x');");
    const swallows = fn("  try { await getAuth().verifyIdToken(String(req.headers.authorization)); } catch (e) { console.error(e); }\n  await getAuth().deleteUser('x');");
    assert.equal(scan({ 'functions/index.ts': answers }, FB).length, 0);
    assert.deepEqual(lines(scan({ 'functions/index.ts': swallows }, FB)), ['functions/index.ts:5']);
  });

  it('reports a privileged helper at the handler\'s call', () => {
    const text = fn("  await wipe('x');\n  res.end();") + "async function wipe(uid: string) {\n  await getAuth().deleteUser(uid);\n}\n";
    const found = scan({ 'functions/index.ts': text }, FB);
    assert.deepEqual(lines(found), ['functions/index.ts:4']);
    assert.match(found[0].message, /wipe\('x'\) → getAuth\(\)\.deleteUser\(…\)/);
  });

  it('counts request.auth checks in callables, and leaves callables to their own rule', () => {
    const callable = (check: string) =>
      `import { onCall } from 'firebase-functions/v2/https';\nimport { getAuth } from 'firebase-admin/auth';\nexport const f = onCall(async (request) => {\n${check}  await getAuth().deleteUser(request.data.uid);\n});\n`;
    assert.equal(scan({ 'functions/index.ts': callable('') }, FB_CALL).length, 1);
    assert.equal(scan({ 'functions/index.ts': callable('') }, FB).length, 0);
    assert.equal(scan({ 'functions/index.ts': callable("  if (!request.auth) throw new Error('unauthenticated');\n") }, FB_CALL).length, 0);
  });
});

describe('verify_jwt = false', () => {
  it('reads [functions.<name>] tables, quoted names, entrypoints and comments', () => {
    const toml = `[functions.a]\nverify_jwt = false\n[functions."b-c"]\nentrypoint = "./functions/x/main.ts"\n  verify_jwt=false # open\n[functions.d]\n# verify_jwt = false\n[functions.e]\nverify_jwt = true\n[auth]\nverify_jwt = false\n`;
    const found = disabledFunctions(toml);
    assert.deepEqual(found.map((f) => [f.name, f.entrypoint, toml.slice(f.start, f.end)]), [
      ['a', undefined, 'verify_jwt = false'],
      ['b-c', './functions/x/main.ts', 'verify_jwt=false'],
    ]);
  });

  it('stays quiet when the function verifies a webhook signature itself', () => {
    const files = {
      'supabase/config.toml': '[functions.hook]\nverify_jwt = false\n[functions.open]\nverify_jwt = false\n',
      'supabase/functions/hook/index.ts': "Deno.serve(async (req) => {\n  const key = await crypto.subtle.importKey('raw', new Uint8Array(8), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);\n  const ok = await crypto.subtle.verify('HMAC', key, new Uint8Array(32), new Uint8Array(await req.arrayBuffer()));\n  if (!ok) return new Response(null, { status: 401 });\n  return new Response('ok');\n});\n",
      'supabase/functions/open/index.ts': "Deno.serve(() => new Response('hello'));\n",
    };
    const found = scan(files, 'supabase/verify-jwt-disabled');
    assert.deepEqual(lines(found), ['supabase/config.toml:4']);
    assert.match(found[0].message, /'open'/);
  });
});

describe('requiresAuth: false with entity writes', () => {
  it('follows the client through a re-export to the write and points at the flag', () => {
    const files = {
      'src/api/base44Client.js': "import { createClient } from '@base44/sdk';\nexport const base44 = createClient({ appId: 'a', requiresAuth: false });\n",
      'src/api/entities.js': "export { base44 as client } from './base44Client';\n",
      'src/pages/Page.jsx': "import { client } from '../api/entities';\nexport const save = (x) => client.entities.Note.update(x.id, x);\n",
    };
    const found = scan(files, 'base44/requires-auth-false-with-writes');
    assert.deepEqual(lines(found), ['src/api/base44Client.js:2']);
    assert.match(found[0].message, /Note\.update\(\) at src\/pages\/Page\.jsx:2/);
  });

  it('ignores clients used only for reads', () => {
    const files = {
      'src/api/base44Client.js': "import { createClient } from '@base44/sdk';\nexport const base44 = createClient({ appId: 'a', requiresAuth: false });\n",
      'src/pages/Page.jsx': "import { base44 } from '../api/base44Client';\nexport const load = () => base44.entities.Note.list();\n",
    };
    assert.equal(scan(files, 'base44/requires-auth-false-with-writes').length, 0);
  });
});
