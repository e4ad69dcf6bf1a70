// The security checks read values through the same layer as the lock-in rules: a client held in a
// class field or handed to a constructor, a method of a class instance (of this file or imported)
// called from a handler, and a parameter every caller gives a client are privileged to the caller
// checks as they are to lock-in.
// Each shape has a look-alike that stays quiet.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanTexts } from '../../server/src/engine/audit';
import { builtinRulesDir } from '../../server/src/engine/rules/builtin';
import { loadRules } from '../../server/src/engine/rules/load';

const rulesDir = builtinRulesDir();
const ruleSet = loadRules([rulesDir], rulesDir);

function found(files: Record<string, string>, ruleId: string): string[] {
  const { state } = scanTexts(new Map(Object.entries(files)), ruleSet);
  return state.allFindings().filter((f) => f.ruleId === ruleId).map((f) => `${f.file}:${f.line}`);
}

const SB = 'supabase/service-role-function-without-caller-check';
const FN = 'supabase/functions/close-account/index.ts';

/** An edge function whose handler calls a method of a class that holds the client. */
const withRepository = (classBody: string[], made: string, guard = '') => [
  `import { createClient, SupabaseClient } from 'npm:@supabase/supabase-js@2';`,
  `const url = Deno.env.get('SUPABASE_URL')!;`,
  `class Accounts {`,
  ...classBody,
  `  async close(id: string) {`,
  `    await this.db.from('accounts').delete().eq('id', id);`,
  `  }`,
  `}`,
  `const accounts = ${made};`,
  `Deno.serve(async (req) => {`,
  guard,
  `  const { id } = await req.json();`,
  `  await accounts.close(id);`,
  `  return new Response('closed');`,
  `});`,
].join('\n');

describe('service-role clients held by a class', () => {
  const field = (key: string) => [`  private readonly db = createClient(url, Deno.env.get('${key}')!);`];
  const injected = [`  constructor(private readonly db: SupabaseClient) {}`];

  it('follows a field initialised with a service-role client into the method a handler calls', () => {
    const fn = withRepository(field('SUPABASE_SERVICE_ROLE_KEY'), 'new Accounts()');
    assert.deepEqual(found({ [FN]: fn }, SB), [`${FN}:13`]);
  });

  it('follows a client handed to a constructor parameter property', () => {
    const made = `new Accounts(createClient(url, Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!))`;
    assert.deepEqual(found({ [FN]: withRepository(injected, made) }, SB), [`${FN}:13`]);
  });

  it('stays quiet for the public key, and when the handler verifies its caller first', () => {
    assert.deepEqual(found({ [FN]: withRepository(field('SUPABASE_ANON_KEY'), 'new Accounts()') }, SB), []);
    const made = `new Accounts(createClient(url, Deno.env.get('SUPABASE_ANON_KEY')!))`;
    assert.deepEqual(found({ [FN]: withRepository(injected, made) }, SB), []);
    const guard = [
      `  const verifier = createClient(url, Deno.env.get('SUPABASE_ANON_KEY')!);`,
      `  const { data: claims, error } = await verifier.auth.getClaims(req.headers.get('Authorization') ?? '');`,
      `  if (error || !claims) return new Response('unauthorized', { status: 401 });`,
    ].join('\n');
    const guarded = withRepository(field('SUPABASE_SERVICE_ROLE_KEY'), 'new Accounts()', guard);
    assert.deepEqual(found({ [FN]: guarded }, SB), []);
  });
});

const FB = 'firebase/admin-without-verify-id-token';

describe('a parameter every caller gives a firebase-admin service', () => {
  const helper = [
    `export async function closeAccount(users, uid: string) {`,
    `  await users.deleteUser(uid);`,
    `}`,
  ].join('\n');
  const handler = (passed: string) => [
    `import { onRequest } from 'firebase-functions/v2/https';`,
    `import { getAuth } from 'firebase-admin/auth';`,
    `import { closeAccount } from './accounts';`,
    `const auditLog = { deleteUser: async (uid: string) => console.log('closing', uid) };`,
    `export const close = onRequest(async (req, res) => {`,
    `  await closeAccount(${passed}, req.body.uid);`,
    `  res.end();`,
    `});`,
  ].join('\n');

  it('reports the handler that hands getAuth() to a helper in another file', () => {
    const files = { 'functions/src/accounts.ts': helper, 'functions/src/index.ts': handler('getAuth()') };
    assert.deepEqual(found(files, FB), ['functions/src/index.ts:6']);
  });

  it('stays quiet when the caller hands in an object of its own with the same method', () => {
    const files = { 'functions/src/accounts.ts': helper, 'functions/src/index.ts': handler('auditLog') };
    assert.deepEqual(found(files, FB), []);
  });
});

describe('a method of a service class imported from another file', () => {
  const service = (held: string) => [
    `import { getAuth } from 'firebase-admin/auth';`,
    `export class UsersService {`,
    `  private readonly auth = ${held};`,
    `  async remove(uid: string) {`,
    `    await this.auth.deleteUser(uid);`,
    `  }`,
    `}`,
  ].join('\n');
  const handler = [
    `import { onRequest } from 'firebase-functions/v2/https';`,
    `import { UsersService } from './users';`,
    `const users = new UsersService();`,
    `export const wipe = onRequest(async (req, res) => {`,
    `  await users.remove(req.body.uid);`,
    `  res.end();`,
    `});`,
  ].join('\n');

  it("reports the handler's call of a method that deletes users with firebase-admin", () => {
    const files = { 'functions/src/users.ts': service('getAuth()'), 'functions/src/index.ts': handler };
    assert.deepEqual(found(files, FB), ['functions/src/index.ts:5']);
  });

  it('stays quiet when the service holds an object of its own', () => {
    const own = service('{ deleteUser: async (uid: string) => uid }');
    const files = { 'functions/src/users.ts': own, 'functions/src/index.ts': handler };
    assert.deepEqual(found(files, FB), []);
  });
});
