// Parameters that receive a client at their call sites, and the one value layer the lock-in rules
// and the security checks share: a client handed to a helper, held by a class or returned by a
// wrapper method is the same client to both.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanTexts } from '../../server/src/engine/audit';
import { builtinRulesDir } from '../../server/src/engine/rules/builtin';
import { loadRules } from '../../server/src/engine/rules/load';
import { scanMemory } from '../helpers/workspace';

const fromLines = (triples: [string, string, number][]) => triples.filter(([id]) => id === 'acme/from').map(([, file, line]) => `${file}:${line}`);

describe('parameters given a client by their callers', () => {
  it('follows a helper parameter to what callers in other files and in its own file pass', () => {
    const { triples } = scanMemory({
      'src/storage.ts': [
        `type StoreClient = { from(table: string): unknown }`,
        `export async function upload(client: StoreClient, table: string) {`,
        `  return client.from(table)`,
        `}`,
      ].join('\n'),
      'src/queries.ts': [
        `import type { Client } from './types'`,
        `export const teams = (db: Client) => db.from('teams')`,
        `function local(handle) { return handle.from('local') }`,
        `export function viaLocal(db: Client) { return local(db) }`,
      ].join('\n'),
      'src/types.ts': `export type Client = { from(t: string): unknown }\n`,
      'src/app.ts': [
        `import { createClient } from '@acme/sdk'`,
        `import { upload } from './storage'`,
        `import * as queries from './queries'`,
        `const acme = createClient()`,
        `upload(acme, 'files')`,
        `queries.teams(acme)`,
        `queries.viaLocal(acme)`,
      ].join('\n'),
    });
    assert.deepEqual(fromLines(triples), ['src/queries.ts:2', 'src/queries.ts:3', 'src/storage.ts:3']);
  });

  it('follows a dependency object handed to a constructor, down to a wrapper class of another file', () => {
    const { triples } = scanMemory({
      'src/manager.js': [
        `import { createClient } from '@acme/sdk'`,
        `export class Manager {`,
        `  getDb() { if (!this.db) this.db = createClient(); return this.db }`,
        `}`,
      ].join('\n'),
      'src/ops.js': [
        `export class Ops {`,
        `  constructor(deps = {}) { this.manager = deps.manager; this.log = deps.logger }`,
        `  list() { const db = this.manager.getDb(); return db.from('ops') }`,
        `  other() { return this.log.from('log') }`,
        `}`,
      ].join('\n'),
      'src/service.js': [
        `import { Manager } from './manager'`,
        `import { Ops } from './ops'`,
        `export class Service {`,
        `  constructor() { this.manager = new Manager(); this.ops = new Ops({ manager: this.manager, logger: console }) }`,
        `}`,
      ].join('\n'),
    });
    assert.deepEqual(fromLines(triples), ['src/ops.js:3']);
  });

  it('stays quiet where callers pass something else or nothing: a Knex instance named like the client, no caller', () => {
    const { triples } = scanMemory({
      'src/helpers.ts': [
        `export function byName(acme) { return acme.from('knex') }`,
        `export function neverCalled(client) { return client.from('never') }`,
        `export function shadowed(client) { const inner = (client) => client.from('inner'); return inner }`,
      ].join('\n'),
      'src/app.ts': [
        `import knex from 'knex'`,
        `import { createClient } from '@acme/sdk'`,
        `import { byName, shadowed } from './helpers'`,
        `byName(knex({ client: 'pg' }))`,
        `shadowed(createClient())`,
      ].join('\n'),
    });
    assert.deepEqual(fromLines(triples), []);
  });
});

describe('one value layer for lock-in rules and security checks', () => {
  const rulesDir = builtinRulesDir();
  const ruleSet = loadRules([rulesDir], rulesDir);
  const scan = (files: Record<string, string>) => scanTexts(new Map(Object.entries(files)), ruleSet).state.allFindings();

  it('sees a Firestore handle returned by a service class both as lock-in and as an unguarded admin write', () => {
    const findings = scan({
      'functions/src/store.ts': [
        `import { getFirestore } from 'firebase-admin/firestore'`,
        `export class Store {`,
        `  db() { return getFirestore() }`,
        `}`,
      ].join('\n'),
      'functions/src/index.ts': [
        `import { onRequest } from 'firebase-functions/v2/https'`,
        `import { Store } from './store'`,
        `const store = new Store()`,
        `export const wipe = onRequest(async (req, res) => {`,
        `  await store.db().collection('users').doc(String(req.query.id)).delete()`,
        `  res.send('ok')`,
        `})`,
      ].join('\n'),
    });
    const at = (id: string) => findings.filter((f) => f.ruleId === id).map((f) => `${f.file}:${f.line}`);
    assert.deepEqual(at('firebase/admin-firestore'), ['functions/src/index.ts:5', 'functions/src/store.ts:3']);
    assert.deepEqual(at('firebase/admin-without-verify-id-token'), ['functions/src/index.ts:5']);
  });
});
