// The schema that a folder of Supabase migrations leaves behind, read statement by statement in path
// order: which tables exist and whether row level security is on, which policies are still in force,
// which functions are SECURITY DEFINER and whether they pin search_path, and which storage buckets
// are public. Later statements override earlier ones (a policy dropped later is gone; RLS enabled in
// a later file counts). Only the statements that decide these facts are understood; the rest is skipped.
// Measured against the real Postgres grammar (libpg-query 18) and pgsql-ast-parser 12 on the 80 .sql
// files of the real-app corpus (scripts/sql-parsers.mjs): libpg-query parses all 80 (758 statements,
// as many as our splitter finds); pgsql-ast-parser only 41, rejecting 416 statements (policies among
// them). On the facts our checks need this reading agrees with libpg-query's on every RLS table (38)
// and SECURITY DEFINER function with its search_path (12), and on 128 of 132 policies: the other 4
// have names over 63 characters, which Postgres truncates and we keep whole (same policy either way).
// Grants are not read here (32 in the corpus). libpg-query would add 1.8 MB of WebAssembly loaded
// asynchronously, and rejects a whole file for one statement it cannot parse where this reading
// skips that statement; with no fact to gain, no dependency: this reading stays.

import { readBucketInsert, readBucketUpdate, whereIds } from './sqlBuckets';
import { Cursor, qualified, splitTopLevel } from './sqlCursor';
import { splitSql, SqlToken } from './sqlLex';

export interface Located {
  file: string;
  start: number;
  end: number;
}

export interface TableInfo extends Located {
  schema: string;
  name: string;
  rls: boolean;
  /** Column names as declared by `create table` and `alter table … add column`. */
  columns?: string[];
}

export interface PolicyInfo extends Located {
  name: string;
  /** `schema.table` key of the table. */
  table: string;
  permissive: boolean;
  command: string;
  roles: string[];
  using?: SqlToken[];
  check?: SqlToken[];
}

export interface FunctionInfo extends Located {
  name: string;
  definer: boolean;
  searchPath: boolean;
}

export interface BucketInfo extends Located {
  id: string;
  isPublic: boolean;
}

export interface Schema {
  tables: Map<string, TableInfo>;
  policies: Map<string, PolicyInfo>;
  functions: Map<string, FunctionInfo>;
  buckets: Map<string, BucketInfo>;
}


/** Reads migration files (already in path order) into one schema. */
export function readMigrations(files: { file: string; text: string }[]): Schema {
  const schema: Schema = { tables: new Map(), policies: new Map(), functions: new Map(), buckets: new Map() };
  for (const { file, text } of files) {
    const reader = new StatementReader(schema, file);
    for (const statement of splitSql(text)) reader.read(new Cursor(statement.tokens), statement.start);
  }
  return schema;
}

class StatementReader {
  constructor(private readonly schema: Schema, private readonly file: string) {}

  read(c: Cursor, start: number): void {
    const verb = c.acceptAny('create', 'alter', 'drop', 'insert', 'update', 'delete');
    if (verb === 'create') {
      c.accept('or', 'replace');
      let temporary = false;
      for (let m = c.acceptAny('global', 'local', 'temp', 'temporary', 'unlogged'); m; m = c.acceptAny('global', 'local', 'temp', 'temporary', 'unlogged')) {
        temporary ||= m.startsWith('temp');
      }
      const what = c.acceptAny('table', 'policy', 'function', 'procedure');
      if (what === 'table' && !temporary) this.createTable(c, start);
      else if (what === 'policy') this.createPolicy(c, start);
      else if (what === 'function' || what === 'procedure') this.createFunction(c, start);
    } else if (verb === 'alter') {
      const what = c.acceptAny('table', 'policy', 'function', 'procedure');
      if (what === 'table') this.alterTable(c);
      else if (what === 'policy') this.alterPolicy(c, start);
      else if (what) this.alterFunction(c, start);
    } else if (verb === 'drop') {
      const what = c.acceptAny('table', 'policy', 'function', 'procedure');
      c.accept('if', 'exists');
      if (what === 'table') this.dropTables(c);
      else if (what === 'policy') this.dropPolicy(c);
      else if (what) this.dropFunctions(c);
    } else if (verb === 'insert' && c.accept('into')) {
      readBucketInsert(c, this.schema.buckets, this.file);
    } else if (verb === 'update') {
      readBucketUpdate(c, this.schema.buckets, this.file, start);
    } else if (verb === 'delete' && c.accept('from')) {
      const table = c.qname();
      if (table && qualified(table) === 'storage.buckets') for (const id of whereIds(c)) this.schema.buckets.delete(id);
    }
  }

  private createTable(c: Cursor, start: number): void {
    const ifNotExists = c.accept('if', 'not', 'exists');
    const name = c.qname();
    if (!name || (ifNotExists && this.schema.tables.has(qualified(name)))) return;
    const columns = columnNames(c.parens() ?? []);
    this.schema.tables.set(qualified(name), { schema: name.schema, name: name.name, rls: false, columns, file: this.file, start, end: name.end });
  }

  private alterTable(c: Cursor): void {
    c.accept('if', 'exists');
    c.accept('only');
    const name = c.qname();
    const table = name && this.schema.tables.get(qualified(name));
    if (!name || !table) return;
    for (const action of c.commaList()) {
      const a = new Cursor(action);
      if (a.accept('enable', 'row', 'level', 'security')) table.rls = true;
      else if (a.accept('disable', 'row', 'level', 'security')) table.rls = false;
      else if (a.accept('rename', 'to')) this.moveTable(qualified(name), { schema: table.schema, name: a.ident()?.value ?? table.name });
      else if (a.accept('set', 'schema')) this.moveTable(qualified(name), { schema: a.ident()?.value ?? table.schema, name: table.name });
      else if (a.accept('add')) {
        a.accept('column');
        a.accept('if', 'not', 'exists');
        const column = a.ident();
        if (column) table.columns = [...(table.columns ?? []), column.value];
      }
    }
  }

  /** A renamed table keeps its RLS state and its policies. */
  private moveTable(from: string, to: { schema: string; name: string }): void {
    const table = this.schema.tables.get(from)!;
    this.schema.tables.delete(from);
    Object.assign(table, to);
    this.schema.tables.set(qualified(to), table);
    for (const [k, policy] of [...this.schema.policies]) {
      if (policy.table !== from) continue;
      this.schema.policies.delete(k);
      policy.table = qualified(to);
      this.schema.policies.set(`${policy.table}|${policy.name}`, policy);
    }
  }

  private dropTables(c: Cursor): void {
    for (const part of c.commaList()) {
      const name = new Cursor(part).qname();
      if (!name) continue;
      this.schema.tables.delete(qualified(name));
      for (const [k, policy] of [...this.schema.policies]) if (policy.table === qualified(name)) this.schema.policies.delete(k);
    }
  }

  private createPolicy(c: Cursor, start: number): void {
    const name = c.ident();
    if (!name || !c.accept('on')) return;
    const table = c.qname();
    if (!table) return;
    const policy: PolicyInfo = { name: name.value, table: qualified(table), permissive: true, command: 'all', roles: ['public'], file: this.file, start, end: table.end };
    readPolicyClauses(c, policy);
    this.schema.policies.set(`${policy.table}|${policy.name}`, policy);
  }

  /** A changed policy is reported where it was last changed. */
  private alterPolicy(c: Cursor, start: number): void {
    const name = c.ident();
    const table = name && c.accept('on') ? c.qname() : undefined;
    const policy = name && table && this.schema.policies.get(`${qualified(table)}|${name.value}`);
    if (!policy) return;
    if (c.accept('rename', 'to')) {
      const renamed = c.ident();
      if (!renamed) return;
      this.schema.policies.delete(`${policy.table}|${policy.name}`);
      policy.name = renamed.value;
      this.schema.policies.set(`${policy.table}|${policy.name}`, policy);
      return;
    }
    readPolicyClauses(c, policy);
    Object.assign(policy, { file: this.file, start, end: table.end });
  }

  private dropPolicy(c: Cursor): void {
    const name = c.ident();
    const table = name && c.accept('on') ? c.qname() : undefined;
    if (name && table) this.schema.policies.delete(`${qualified(table)}|${name.value}`);
  }

  private createFunction(c: Cursor, start: number): void {
    const name = c.qname();
    if (!name) return;
    c.parens();
    const fn: FunctionInfo = { name: qualified(name), definer: false, searchPath: false, file: this.file, start, end: name.end };
    readFunctionOptions(c.tokens.slice(c.i), fn);
    this.schema.functions.set(fn.name, fn);
  }

  private alterFunction(c: Cursor, start: number): void {
    const name = c.qname();
    const fn = name && this.schema.functions.get(qualified(name));
    if (!fn) return;
    c.parens();
    const wasDefiner = fn.definer;
    readFunctionOptions(c.tokens.slice(c.i), fn);
    if (fn.definer && !wasDefiner) Object.assign(fn, { file: this.file, start, end: name.end });
  }

  private dropFunctions(c: Cursor): void {
    for (const part of c.commaList()) {
      const name = new Cursor(part).qname();
      if (name) this.schema.functions.delete(qualified(name));
    }
  }
}

/** Table constraints that may open an element of a `create table` list instead of a column. */
const CONSTRAINT_WORDS = new Set(['constraint', 'primary', 'foreign', 'unique', 'check', 'exclude', 'like']);

/** The column names of a `create table (…)` element list. */
function columnNames(inner: SqlToken[]): string[] {
  const out: string[] = [];
  for (const element of splitTopLevel(inner, ',')) {
    const first = element[0];
    if (!first || (first.kind !== 'word' && first.kind !== 'ident')) continue;
    if (first.kind === 'word' && CONSTRAINT_WORDS.has(first.value)) continue;
    out.push(first.value);
  }
  return out;
}

/** `as permissive|restrictive`, `for <command>`, `to <roles>`, `using (…)`, `with check (…)`, in any order. */
function readPolicyClauses(c: Cursor, policy: PolicyInfo): void {
  while (c.tok) {
    if (c.accept('as')) policy.permissive = c.acceptAny('permissive', 'restrictive') !== 'restrictive';
    else if (c.accept('for')) policy.command = c.acceptAny('all', 'select', 'insert', 'update', 'delete') ?? policy.command;
    else if (c.accept('to')) policy.roles = readRoles(c);
    else if (c.accept('using')) policy.using = c.parens();
    else if (c.accept('with', 'check')) policy.check = c.parens();
    else c.i++;
  }
}

function readRoles(c: Cursor): string[] {
  const roles: string[] = [];
  do {
    const role = c.ident();
    if (role) roles.push(role.value);
  } while (c.acceptSym(','));
  return roles;
}

/** SECURITY DEFINER/INVOKER and SET/RESET search_path among a function's options (bodies are single tokens). */
function readFunctionOptions(tokens: SqlToken[], fn: FunctionInfo): void {
  const c = new Cursor(tokens);
  while (c.tok) {
    if (c.accept('security', 'definer')) fn.definer = true;
    else if (c.accept('security', 'invoker')) fn.definer = false;
    else if (c.accept('set', 'search_path')) fn.searchPath = true;
    else if (c.accept('reset', 'search_path') || c.accept('reset', 'all')) fn.searchPath = false;
    else c.i++;
  }
}
