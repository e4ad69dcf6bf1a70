// Workspace check over Supabase migrations. Every `supabase/` folder is one project: its migrations
// are read in path order as one schema (sqlSchema.ts), and `[api] schemas` in its config.toml says
// which schemas the Data API exposes (default: public). In a Supabase workspace, Prisma-style ORM
// migration folders and loose SQL files are read too (see projectKey). `options.finding` selects:
//   rls-missing       a table in an exposed schema whose RLS is never (or no longer) enabled
//   policy-true-write a permissive insert/update/delete/all policy whose using/with check is `true`
//   policy-true-read  the same for a select policy, unless the table is plainly reference data
//   policy-true-read-public  a select policy `using (true)` on a catalogue or lookup table (information)
//   policy-auth-only  a policy whose clause only asks for a signed-in user, on a table with an owner column
//   storage-policy-no-owner  an insert/update/delete policy on storage.objects that checks the bucket only
//   definer-search-path  a SECURITY DEFINER function without `set search_path`
//   public-bucket     a storage bucket made public whose name does not say it holds public assets

import type { CheckFile, CheckHit, WorkspaceCheck } from '../registry';
import { isWord, SqlToken } from './sqlLex';
import { isTrue, splitTopLevel, stripParens } from './sqlCursor';
import { readMigrations, Schema } from './sqlSchema';
import { checksStorageOwner, isReferenceTable, onlySignedIn, ownerColumn } from './sqlPolicies';

type Hit = CheckHit & { file: string };

/** Roles that requests from browsers and apps run as; `public` includes them all. */
const CLIENT_ROLES = new Set(['public', 'anon', 'authenticated']);
/** How a policy's command reads in a message. */
const COMMAND_VERB: Record<string, string> = { all: 'read and change', select: 'read', insert: 'insert', update: 'update', delete: 'delete' };
/** Bucket names that announce public assets, where a public bucket is the point. */
const PUBLIC_ASSET_BUCKET = /avatar|public|asset|static|logo|icon|thumbnail|banner|cover|favicon|og-image|marketing|emoji|cdn/i;
const MIGRATION = /(^|\/)supabase\/migrations\/.+\.sql$/i;
const CONFIG = /(^|\/)supabase\/config\.toml$/i;

let cache: { inputs: CheckFile[]; projects: Project[] } | undefined;

interface Project {
  schema: Schema;
  exposed: Set<string>;
  /** A lone SQL file outside any migration folder: it may hold only part of the schema. */
  loose: boolean;
}

export const supabaseMigrationsCheck: WorkspaceCheck = {
  name: 'supabase-migrations',
  scope: 'workspace',
  run(files, options) {
    const finding = String(options.finding ?? '');
    const report = REPORTERS[finding];
    if (!report) return [];
    return projectsOf(files).flatMap((p) => report(p));
  },
};

const REPORTERS: Record<string, (p: Project) => Hit[]> = {
  'rls-missing': ({ schema, exposed, loose }) =>
    [...schema.tables.values()]
      .filter(() => !loose)
      .filter((t) => exposed.has(t.schema) && !t.rls)
      .map((t) => ({ file: t.file, span: { start: t.start, end: t.end }, vars: { table: `${t.schema}.${t.name}` } })),
  'policy-true-write': (p) => alwaysTruePolicies(p, 'write'),
  'policy-true-read': (p) => alwaysTruePolicies(p, 'read').filter((h) => !isReferenceTable(p.schema.tables.get(h.vars!.table))),
  'policy-true-read-public': (p) => alwaysTruePolicies(p, 'read').filter((h) => isReferenceTable(p.schema.tables.get(h.vars!.table))),
  'policy-auth-only': authOnlyPolicies,
  'storage-policy-no-owner': storagePoliciesWithoutOwner,
  'definer-search-path': ({ schema }) =>
    [...schema.functions.values()]
      .filter((f) => f.definer && !f.searchPath)
      .map((f) => ({ file: f.file, span: { start: f.start, end: f.end }, vars: { function: f.name } })),
  'public-bucket': ({ schema }) =>
    [...schema.buckets.values()]
      .filter((b) => b.isPublic && !PUBLIC_ASSET_BUCKET.test(b.id))
      .map((b) => ({ file: b.file, span: { start: b.start, end: b.end }, vars: { bucket: b.id } })),
};

/** Permissive policies for client roles that admit every row, split into read (select) and write. */
function alwaysTruePolicies({ schema, exposed }: Project, kind: 'read' | 'write'): Hit[] {
  const hits: Hit[] = [];
  for (const policy of schema.policies.values()) {
    const tableSchema = policy.table.split('.')[0];
    if (!policy.permissive || !(exposed.has(tableSchema) || tableSchema === 'storage')) continue;
    const roles = policy.roles.filter((r) => CLIENT_ROLES.has(r));
    if (roles.length === 0) continue;
    const clause = openClause(policy.command, policy.using, policy.check);
    if (!clause || (policy.command === 'select') !== (kind === 'read')) continue;
    const vars = { policy: policy.name, table: policy.table, roles: roles.join(', '), command: COMMAND_VERB[policy.command] ?? policy.command, clause };
    hits.push({ file: policy.file, span: { start: policy.start, end: policy.end }, vars });
  }
  return hits;
}

/** Client-role policies whose clause is only "signed in", on a table whose rows belong to users. */
function authOnlyPolicies({ schema, exposed }: Project): Hit[] {
  const hits: Hit[] = [];
  for (const policy of schema.policies.values()) {
    if (!policy.permissive || !exposed.has(policy.table.split('.')[0])) continue;
    if (!policy.roles.some((r) => CLIENT_ROLES.has(r))) continue;
    const owner = ownerColumn(schema.tables.get(policy.table));
    const clause = onlySignedIn(policy.using) ? 'using' : onlySignedIn(policy.check) ? 'with check' : undefined;
    if (!owner || !clause) continue;
    const vars = { policy: policy.name, table: policy.table, command: COMMAND_VERB[policy.command] ?? policy.command, clause, owner };
    hits.push({ file: policy.file, span: { start: policy.start, end: policy.end }, vars });
  }
  return hits;
}

/** Writes to storage.objects allowed by the bucket alone: anyone the roles admit may add, replace or remove any file. */
function storagePoliciesWithoutOwner({ schema }: Project): Hit[] {
  const hits: Hit[] = [];
  for (const policy of schema.policies.values()) {
    if (policy.table !== 'storage.objects' || !policy.permissive || policy.command === 'select') continue;
    if (!policy.roles.some((r) => CLIENT_ROLES.has(r))) continue;
    const clauses = (policy.command === 'insert' ? [policy.check, policy.using] : [policy.using, policy.check]).filter((c): c is SqlToken[] => !!c);
    if (clauses.length === 0 || clauses.some(alwaysTrue) || clauses.some(checksStorageOwner)) continue;
    const vars = { policy: policy.name, command: COMMAND_VERB[policy.command] ?? policy.command, roles: policy.roles.join(', ') };
    // The clause that tests the bucket alone is what needs the owner test, so the finding sits on it.
    const clause = clauses[0];
    const span = clause.length > 0 ? { start: clause[0].start, end: clause[clause.length - 1].end } : { start: policy.start, end: policy.end };
    hits.push({ file: policy.file, span, vars });
  }
  return hits;
}

/** Which clause lets every row through for this command, if any (`with check` defaults to `using`). */
function openClause(command: string, using: SqlToken[] | undefined, check: SqlToken[] | undefined): string | undefined {
  const usingOpen = alwaysTrue(using);
  const checkOpen = check ? alwaysTrue(check) : usingOpen;
  switch (command) {
    case 'select':
    case 'delete':
      return usingOpen ? 'using' : undefined;
    case 'insert':
      return checkOpen ? 'with check' : undefined;
    default:
      return usingOpen ? 'using' : checkOpen ? 'with check' : undefined;
  }
}

/** `true`, `(true)`, `1 = 1`, or an `or` with such a branch at the top. */
export function alwaysTrue(tokens: SqlToken[] | undefined): boolean {
  if (!tokens) return false;
  const t = stripParens(tokens);
  const ors = splitTopLevel(t.map((x) => (isWord(x, 'or') ? { ...x, kind: 'punct' as const, value: '|or|' } : x)), '|or|');
  if (ors.length > 1) return ors.some((branch) => alwaysTrue(branch));
  if (isTrue(t)) return true;
  return t.length === 3 && t[0].kind === 'number' && t[1].value === '=' && t[2].kind === 'number' && t[0].value === t[2].value;
}

function projectsOf(files: CheckFile[]): Project[] {
  if (cache && cache.inputs.length === files.length && cache.inputs.every((f, i) => f.file === files[i].file && f.text === files[i].text)) {
    return cache.projects;
  }
  const groups = new Map<string, { migrations: CheckFile[]; config?: string; loose: boolean }>();
  const supabase = files.some((f) => CONFIG.test(f.file) || MIGRATION.test(f.file));
  for (const f of files) {
    const key = projectKey(f.file, supabase);
    if (key === undefined) continue;
    const group = groups.get(key) ?? { migrations: [], loose: key.startsWith('loose:') };
    if (CONFIG.test(f.file)) group.config = f.text;
    else group.migrations.push(f);
    groups.set(key, group);
  }
  const projects = [...groups.values()].map((g) => ({
    schema: readMigrations(g.migrations),
    exposed: exposedSchemas(g.config),
    loose: g.loose,
  }));
  cache = { inputs: files, projects };
  return projects;
}

/**
 * Which schema a file belongs to: the folder holding `supabase/` for Supabase migrations and config;
 * in a Supabase workspace also an ORM's migration folder (Prisma's `migrations/<name>/migration.sql`,
 * read in order like Supabase's), and any other SQL file on its own (a copy of a migration, a setup
 * script). Such a loose file may be only part of the schema, so it is not asked whether RLS is on.
 */
function projectKey(file: string, supabase: boolean): string | undefined {
  const at = file.search(/(^|\/)supabase\/(migrations\/|config\.toml$)/i);
  if (at >= 0) return file.slice(0, at);
  if (!supabase || !/\.sql$/i.test(file)) return undefined;
  const orm = /^(.*?)(^|\/)migrations\/[^/]+\/migration\.sql$/i.exec(file);
  return orm ? `orm:${orm[1]}` : `loose:${file}`;
}

/** `[api] schemas = ["public", "api"]` from config.toml; `public` when absent. */
export function exposedSchemas(config: string | undefined): Set<string> {
  const section = config && /^\s*\[api\][^\n]*\n([\s\S]*?)(?=^\s*\[|$(?![\s\S]))/m.exec(config);
  const list = section && /^\s*schemas\s*=\s*\[([^\]]*)\]/m.exec(section[1]);
  if (!list) return new Set(['public']);
  return new Set([...list[1].matchAll(/["']([^"']+)["']/g)].map((m) => m[1]));
}
