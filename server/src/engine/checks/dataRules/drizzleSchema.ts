// Drizzle schemas (`pgTable` from drizzle-orm/pg-core) in a Supabase workspace. Supabase exposes the
// public schema through its Data API with the anon key, so a table that drizzle-kit creates there
// without row level security (no `pgPolicy`, no `.enableRLS()`, and no SQL file that enables it) is
// readable and writable by anyone; and a `pgPolicy` for insert/update/delete whose clause is
// sql`true` lets every signed-in user (or everyone) write every row. `options.finding` is
// `rls-missing` or `policy-true-write`. A workspace without a `@supabase/` package is plain
// Postgres, where RLS is not the access boundary, and stays quiet. So is one without drizzle-kit (no
// `drizzle.config.*`, no `drizzle-kit` package): its `pgTable`s only type the rows, nothing creates
// the tables from them (a schema kept for zod types beside hand-written SQL).

import ts from 'typescript';
import type { CheckFile, CheckHit, WorkspaceCheck } from '../registry';
import { forEachNode, propertyName, propertyValue, spanOf, stringValue } from './jsonAst';

type Hit = CheckHit & { file: string };

const CLIENT_ROLES = new Set(['public', 'anon', 'authenticated']);
const WRITE_COMMANDS = new Set(['insert', 'update', 'delete', 'all']);
const SUPABASE_PACKAGE = /"@supabase\/[\w-]+"\s*:/;
const DRIZZLE_KIT_PACKAGE = /"drizzle-kit"\s*:/;
const DRIZZLE_CONFIG = /(^|\/)drizzle\.config\.[\w.]*[cm]?[jt]s$/;
const ENABLE_RLS =
  /alter\s+table\s+(?:if\s+exists\s+)?(?:only\s+)?(?:"?public"?\.)?"?(\w+)"?\s+enable\s+row\s+level\s+security/gi;

export const drizzleSupabaseCheck: WorkspaceCheck = {
  name: 'supabase-drizzle-schema',
  scope: 'workspace',
  prefilter: /pgTable|"@supabase\/|row level security|drizzle-kit/i,
  // The hints also say which scripts the check reads (workspaceChecks.ts): a schema file it judges
  // names `pgTable` or `pgPolicy` (the prefilter decides what is parsed, and stays without it).
  hints: ['pgTable', 'pgPolicy', '"@supabase/', 'row level security', 'drizzle-kit'].map((text) => ({
    text,
    caseInsensitive: true,
  })),
  run(files, options) {
    if (!files.some((f) => f.file.endsWith('package.json') && SUPABASE_PACKAGE.test(f.text))) return [];
    if (!files.some(createsTables)) return [];
    const enabledInSql = new Set(
      files
        .filter((f) => /\.sql$/i.test(f.file))
        .flatMap((f) => [...f.text.matchAll(ENABLE_RLS)].map((m) => m[1].toLowerCase())),
    );
    const hits: Hit[] = [];
    for (const file of files) {
      if (!/drizzle-orm\/pg-core/.test(file.text) || !/\.[cm]?[jt]sx?$/.test(file.file)) continue;
      const root = treeOfScript(file);
      forEachNode(root, (node) => {
        if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression)) return;
        if (options.finding === 'rls-missing' && node.expression.text === 'pgTable') {
          const hit = tableWithoutRls(node, root, enabledInSql);
          if (hit) hits.push({ file: file.file, ...hit });
        }
        if (options.finding === 'policy-true-write' && node.expression.text === 'pgPolicy') {
          const hit = openWritePolicy(node, root);
          if (hit) hits.push({ file: file.file, ...hit });
        }
      });
    }
    return hits;
  },
};

/** drizzle-kit is what turns `pgTable`s into tables: a config file for it, or the package itself. */
function createsTables(file: CheckFile): boolean {
  if (DRIZZLE_CONFIG.test(file.file)) return true;
  return file.file.endsWith('package.json') && DRIZZLE_KIT_PACKAGE.test(file.text);
}

/** The file's tree, parsed once for both Drizzle rules (the engine hands them the same input objects). */
function treeOfScript(file: CheckFile): ts.SourceFile {
  return (file.sourceFile ??= ts.createSourceFile(file.file, file.text, ts.ScriptTarget.Latest, true));
}

/** A public-schema `pgTable(...)` with no policy, no `.enableRLS()` and no SQL enabling RLS. */
function tableWithoutRls(
  call: ts.CallExpression,
  root: ts.SourceFile,
  enabledInSql: Set<string>,
): CheckHit | undefined {
  const name = stringValue(call.arguments[0]);
  if (!name || name.includes('.')) return undefined;
  if (enabledInSql.has(name.toLowerCase())) return undefined;
  const extras = call.arguments[2];
  let hasPolicy = false;
  if (extras)
    forEachNode(extras, (n) => {
      if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'pgPolicy') hasPolicy = true;
    });
  const parent = call.parent;
  const enables = ts.isPropertyAccessExpression(parent) && /^(enableRLS|withRLS)$/.test(parent.name.text);
  if (hasPolicy || enables || holdsNothing(call.arguments[1])) return undefined;
  return { span: spanOf(call, root), vars: { table: `public.${name}` } };
}

/** Bookkeeping columns only: a table of ids and timestamps has nothing to read or corrupt. */
const BOOKKEEPING_COLUMN = /^(id|created_?at|updated_?at)$/i;

function holdsNothing(columns: ts.Expression | undefined): boolean {
  if (!columns || !ts.isObjectLiteralExpression(columns)) return false;
  return columns.properties.every((p) => p.name && BOOKKEEPING_COLUMN.test(propertyName(p.name) ?? ''));
}

/**
 * Tables whose new row is a new tenant (a team, an organisation): letting signed-in users create
 * one is how sign-up works, and it gives no access to other tenants' rows.
 */
const TENANT_TABLE = /^(teams?|organi[sz]ations?|orgs?|workspaces?|companies|company)$/i;

/** `pgPolicy(name, { for: 'insert', to: ['authenticated'], withCheck: sql`true` })` and the like. */
function openWritePolicy(call: ts.CallExpression, root: ts.SourceFile): CheckHit | undefined {
  const options = call.arguments[1];
  if (!options || !ts.isObjectLiteralExpression(options)) return undefined;
  const command = (stringValue(propertyValue(options, 'for')) ?? 'all').toLowerCase();
  if (!WRITE_COMMANDS.has(command)) return undefined;
  if ((stringValue(propertyValue(options, 'as')) ?? 'permissive') !== 'permissive') return undefined;
  const roles = rolesOf(propertyValue(options, 'to'));
  if (!roles.some((r) => CLIENT_ROLES.has(r))) return undefined;
  const clause = ['withCheck', 'using'].find((key) => isSqlTrue(propertyValue(options, key)));
  if (!clause) return undefined;
  const table = tableOf(call);
  if (command === 'insert' && TENANT_TABLE.test(table) && !roles.some((r) => r === 'anon' || r === 'public'))
    return undefined;
  const vars = {
    policy: stringValue(call.arguments[0]) ?? '(unnamed)',
    command,
    roles: roles.join(', '),
    table,
    clause,
  };
  return { span: spanOf(call, root), vars };
}

function rolesOf(node: ts.Expression | undefined): string[] {
  if (!node) return ['public'];
  const list = ts.isArrayLiteralExpression(node) ? [...node.elements] : [node];
  return list
    .map((e) => stringValue(e) ?? (ts.isIdentifier(e) ? roleConstant(e.text) : undefined) ?? '')
    .filter(Boolean);
}

/** drizzle-orm/supabase exports role objects: `authenticatedRole`, `anonRole`, `serviceRole`. */
function roleConstant(name: string): string | undefined {
  return (
    { authenticatedRole: 'authenticated', anonRole: 'anon', serviceRole: 'service_role' } as Record<string, string>
  )[name];
}

function isSqlTrue(node: ts.Expression | undefined): boolean {
  if (!node || !ts.isTaggedTemplateExpression(node) || !ts.isIdentifier(node.tag) || node.tag.text !== 'sql')
    return false;
  const template = node.template;
  return ts.isNoSubstitutionTemplateLiteral(template) && /^\s*\(?\s*true\s*\)?\s*$/i.test(template.text);
}

/** The table a policy sits in: the `pgTable("name", …)` call around it. */
function tableOf(call: ts.Node): string {
  for (let node: ts.Node | undefined = call.parent; node; node = node.parent) {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'pgTable') {
      return stringValue(node.arguments[0]) ?? 'this table';
    }
  }
  return 'this table';
}
