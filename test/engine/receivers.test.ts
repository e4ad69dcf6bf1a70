// Receivers: a client kept on `this`, in an object's property, or handed in as a parameter whose
// declared type is a platform SDK's type, is still that client.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanMemory } from '../helpers/workspace';

const fromLines = (triples: [string, string, number][]) => triples.filter(([id]) => id === 'acme/from').map(([, file, line]) => `${file}:${line}`);

describe('receivers', () => {
  it('follows this.x set by a field initialiser, the constructor, a parameter property or a private field', () => {
    const { triples } = scanMemory({
      'src/orders.ts': [
        `import { createClient, AcmeClient } from '@acme/sdk'`,
        `export class Orders {`,
        `  private readonly db = createClient()`,
        `  #hidden = createClient()`,
        `  private later`,
        `  constructor(private readonly injected: AcmeClient) {`,
        `    this.later = createClient()`,
        `  }`,
        `  list() { return this.db.from('orders') }`,
        `  hidden() { return this.#hidden.from('hidden') }`,
        `  late() { return this.later.from('late') }`,
        `  viaArrow = () => this.injected.from('injected')`,
        `}`,
      ].join('\n'),
    });
    assert.deepEqual(fromLines(triples), ['src/orders.ts:9', 'src/orders.ts:10', 'src/orders.ts:11', 'src/orders.ts:12']);
  });

  it('follows methods and getters of the class that return a client', () => {
    const { triples } = scanMemory({
      'src/auth.ts': [
        `import { createClient } from '@acme/sdk'`,
        `export class AuthService {`,
        `  private client() { return createClient() }`,
        `  get db() { return createClient() }`,
        `  profile() { return this.client().from('profiles') }`,
        `  teams() { return this.db.from('teams') }`,
        `  local() { return this.helper().from('local') }`,
        `  private helper() { return { from: (t: string) => t } }`,
        `}`,
      ].join('\n'),
    });
    assert.deepEqual(fromLines(triples), ['src/auth.ts:5', 'src/auth.ts:6']);
  });

  it('follows properties of objects holding a client: literals, shorthand, nested and assigned later', () => {
    const { triples } = scanMemory({
      'src/deps.ts': [
        `import { createClient } from '@acme/sdk'`,
        `const db = createClient()`,
        `const deps = { db, admin: createClient() }`,
        `const nested = { stores: { main: db } }`,
        `const registry: Record<string, unknown> = {}`,
        `registry.orders = createClient()`,
        `deps.db.from('a')`,
        `deps.admin.from('b')`,
        `nested.stores.main.from('c')`,
        `registry.orders.from('d')`,
        `deps['admin'].from('e')`,
      ].join('\n'),
    });
    assert.deepEqual(fromLines(triples), ['src/deps.ts:7', 'src/deps.ts:8', 'src/deps.ts:9', 'src/deps.ts:10', 'src/deps.ts:11']);
  });

  it('follows parameters typed with an SDK type: directly, as a union, through an interface, a type alias or typeof', () => {
    const { triples } = scanMemory({
      'src/typed.ts': [
        `import type { AcmeClient } from '@acme/sdk'`,
        `import * as sdk from '@acme/sdk'`,
        `import { db } from './client'`,
        `interface Deps { store: AcmeClient }`,
        `type Store = AcmeClient`,
        `export const a = (client: AcmeClient) => client.from('a')`,
        `export function b(client: AcmeClient | null) { return client!.from('b') }`,
        `export function c({ store }: Deps) { return store.from('c') }`,
        `export function d(deps: Deps) { return deps.store.from('d') }`,
        `export function e(store: Store) { return store.from('e') }`,
        `export function f(client: sdk.AcmeClient) { return client.from('f') }`,
        `export function g(client: typeof db) { return client.from('g') }`,
        `export function h(deps: { store: AcmeClient }) { const { store } = deps; return store.from('h') }`,
      ].join('\n'),
      'src/client.ts': `import { createClient } from '@acme/sdk'\nexport const db = createClient()\n`,
    });
    assert.deepEqual(fromLines(triples), [6, 7, 8, 9, 10, 11, 12, 13].map((line) => `src/typed.ts:${line}`));
  });

  it('follows an exported class into another file: a service typed by it, an instance made with new, a declared return type', () => {
    const { triples } = scanMemory({
      'src/store.service.ts': [
        `import * as sdk from '@acme/sdk'`,
        `export class StoreService {`,
        `  constructor(private readonly app: sdk.AcmeClient) {}`,
        `  db() { return this.app }`,
        `  typed(): sdk.AcmeClient { return pick(this) }`,
        `}`,
      ].join('\n'),
      'src/manager.js': [
        `import { createClient } from '@acme/sdk'`,
        `class Pool { constructor() { this.main = createClient() } }`,
        `export class Manager {`,
        `  constructor() { this.admin = null; this.pool = new Pool() }`,
        `  getAdmin() { if (!this.admin) this.admin = createClient(); return this.admin }`,
        `  fromPool() { return this.pool.main.from('pool') }`,
        `}`,
      ].join('\n'),
      'src/users.service.ts': [
        `import { StoreService } from './store.service'`,
        `import { Manager } from './manager'`,
        `export class UsersService {`,
        `  private readonly manager = new Manager()`,
        `  constructor(private readonly store: StoreService) {}`,
        `  one() { const db = this.store.db(); return db.from('users') }`,
        `  two() { return this.store.typed().from('typed') }`,
        `  three() { return this.manager.getAdmin().from('admin') }`,
        `}`,
      ].join('\n'),
    });
    assert.deepEqual(fromLines(triples), ['src/manager.js:6', 'src/users.service.ts:6', 'src/users.service.ts:7', 'src/users.service.ts:8']);
  });

  it('stays quiet on look-alikes: a query builder named like a client, local repositories, shadowed names, other types', () => {
    const { triples } = scanMemory({
      'src/quiet.ts': [
        `import knex from 'knex'`,
        `import { createClient } from '@acme/sdk'`,
        `import type { AcmeClient } from './types'`,
        `interface Repo { from(table: string): unknown }`,
        `const acme = knex({ client: 'pg' })`,
        `acme.from('knex')`,
        `class Repository {`,
        `  private db = makeRepo()`,
        `  static shared = createClient()`,
        `  list() { return this.db.from('repo') }`,
        `  legacy() { return function (this: any) { return this.shared.from('own this') } }`,
        `}`,
        `const deps = { db: makeRepo() }`,
        `deps.db.from('local')`,
        `export const typedLocally = (client: AcmeClient, repo: Repo) => [client.from('x'), repo.from('y')]`,
        `export function shadow(deps: { db: Repo }) { return deps.db.from('z') }`,
        `import { LocalStore } from './store'`,
        `export class Service { constructor(private readonly store: LocalStore) {} list() { return this.store.db().from('s') } }`,
      ].join('\n'),
      'src/store.ts': `export class LocalStore { db() { return makeRepo() } }\n`,
      'src/types.ts': `export interface AcmeClient { from(t: string): unknown }\n`,
    });
    assert.deepEqual(fromLines(triples), []);
  });
});
