#!/usr/bin/env node
// Compares our hand-written Postgres migration reader (checks/dataRules/sql*.ts, built into out/)
// with two npm parsers on the .sql files of a corpus: the real Postgres grammar (`libpg-query`, a
// WebAssembly build of libpg_query) and `pgsql-ast-parser` (a JavaScript grammar). Neither parser is
// a project dependency: install them into a scratch folder and pass its node_modules.
//
//   npm run build
//   mkdir -p /tmp/pgcmp && (cd /tmp/pgcmp && npm init -y && npm i libpg-query pgsql-ast-parser)
//   node scripts/sql-parsers.mjs /work/corpus --parsers /tmp/pgcmp/node_modules [--detail]
//
// Prints, per parser, the files and statements it understands, then the facts our checks need, per
// app (all of an app's .sql files read in path order, as the engine reads a migrations folder):
// policies in force, tables with row level security on, SECURITY DEFINER functions (and whether
// they pin search_path), and grants to
// the API roles. Each fact set is compared with libpg-query's: agreed, only ours, only libpg-query.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const corpus = args.find((a) => !a.startsWith('--'));
const parsersAt = args[args.indexOf('--parsers') + 1];
if (!corpus || !args.includes('--parsers') || !parsersAt) {
  console.error('usage: node scripts/sql-parsers.mjs CORPUS_DIR --parsers SCRATCH/node_modules');
  process.exit(2);
}
const need = createRequire(path.join(path.resolve(parsersAt), 'index.js'));
const pg = need('libpg-query');
const astParser = need('pgsql-ast-parser');
const ourDir = path.join(here, '..', 'out', 'server', 'src', 'engine', 'checks', 'dataRules');
const { splitSql } = await import(path.join(ourDir, 'sqlLex.js'));
const { readMigrations } = await import(path.join(ourDir, 'sqlSchema.js'));
await pg.loadModule();

/** .sql files per app (first folder under the corpus), in path order. */
function sqlFilesByApp(root) {
  const byApp = new Map();
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === '.git') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.sql')) {
        const app = path.relative(root, full).split(path.sep)[0];
        byApp.set(app, [...(byApp.get(app) ?? []), full]);
      }
    }
  };
  walk(root);
  for (const files of byApp.values()) files.sort();
  return byApp;
}

const API_ROLES = new Set(['anon', 'authenticated', 'public']);
const qualifiedOf = (rv) => `${rv.schemaname ?? 'public'}.${rv.relname}`;
const unquote = (name) => name.toLowerCase();

const functionName = (parts) => {
  const names = parts.map((n) => unquote(n.String.sval));
  return names.length > 1 ? names.join('.') : `public.${names[0]}`;
};
const setsSearchPath = (o) => o.DefElem.defname === 'set' && o.DefElem.arg?.VariableSetStmt?.name === 'search_path';

/** The same facts as our reader's Schema, from libpg-query's statements, applied in order. */
function pgFacts(statements, facts) {
  for (const { stmt } of statements) {
    const [kind, node] = Object.entries(stmt)[0];
    if (kind === 'CreateStmt') {
      const key = qualifiedOf(node.relation);
      if (!(node.if_not_exists && facts.tables.has(key))) facts.tables.set(key, false);
    }
    else if (kind === 'AlterTableStmt' && node.objtype === 'OBJECT_TABLE') {
      const key = qualifiedOf(node.relation);
      for (const { AlterTableCmd: cmd } of node.cmds ?? []) {
        if (!facts.tables.has(key)) continue;
        if (cmd.subtype === 'AT_EnableRowSecurity') facts.tables.set(key, true);
        if (cmd.subtype === 'AT_DisableRowSecurity') facts.tables.set(key, false);
      }
    } else if (kind === 'CreatePolicyStmt') facts.policies.add(`${qualifiedOf(node.table)}|${node.policy_name}`);
    else if (kind === 'DropStmt' && node.removeType === 'OBJECT_POLICY') {
      for (const object of node.objects ?? []) {
        const names = object.List.items.map((i) => i.String.sval);
        const table = names.length === 3 ? `${names[0]}.${names[1]}` : `public.${names[0]}`;
        facts.policies.delete(`${table}|${names.at(-1)}`);
      }
    } else if (kind === 'CreateFunctionStmt') {
      const name = functionName(node.funcname);
      const options = node.options ?? [];
      const definer = options.some((o) => o.DefElem.defname === 'security' && o.DefElem.arg?.Boolean?.boolval);
      facts.definers.delete(name);
      facts.definers.delete(`${name} (search_path pinned)`);
      if (definer) facts.definers.add(options.some(setsSearchPath) ? `${name} (search_path pinned)` : name);
    } else if (kind === 'AlterFunctionStmt' && (node.actions ?? []).some(setsSearchPath)) {
      const name = functionName(node.func.objname);
      if (facts.definers.delete(name)) facts.definers.add(`${name} (search_path pinned)`);
    } else if (kind === 'GrantStmt' && node.is_grant && node.objtype === 'OBJECT_TABLE') {
      const roles = (node.grantees ?? []).map((g) => g.RoleSpec.rolename ?? 'public');
      if (roles.some((r) => API_ROLES.has(r))) facts.grants += 1;
    }
  }
}

const totals = {
  files: 0, statements: 0,
  pgFiles: 0, pgStatements: 0, pgSplitFailures: 0,
  astFiles: 0, astStatements: 0, astSplitFailures: 0,
};
const factTotals = {};
const rows = [];

for (const [app, files] of sqlFilesByApp(path.resolve(corpus))) {
  const texts = files.map((file) => ({ file: path.relative(corpus, file), text: fs.readFileSync(file, 'utf8') }));
  const facts = { tables: new Map(), policies: new Set(), definers: new Set(), grants: 0 };
  for (const { text } of texts) {
    const ours = splitSql(text);
    totals.files += 1;
    totals.statements += ours.length;
    let pgResult;
    if (ours.length === 0) {
      // Only comments: nothing to parse (libpg-query refuses an empty query).
      totals.pgFiles += 1;
      totals.astFiles += 1;
      continue;
    }
    try {
      pgResult = pg.parseSync(text);
      totals.pgFiles += 1;
      totals.pgStatements += pgResult.stmts.length;
    } catch (error) {
      if (args.includes('--detail')) console.log(`  libpg-query rejects ${texts.find((t) => t.text === text).file}: ${error.message}`);
      // A file the grammar rejects: parse our statements one by one, so one odd line costs one statement.
      pgResult = { stmts: [] };
      for (const s of ours) {
        try {
          pgResult.stmts.push(...pg.parseSync(text.slice(s.start, s.end)).stmts);
        } catch {
          totals.pgSplitFailures += 1;
        }
      }
      totals.pgStatements += pgResult.stmts.length;
    }
    pgFacts(pgResult.stmts, facts);
    try {
      totals.astStatements += astParser.parse(text).length;
      totals.astFiles += 1;
    } catch {
      for (const s of ours) {
        try {
          totals.astStatements += astParser.parse(text.slice(s.start, s.end)).length;
        } catch {
          totals.astSplitFailures += 1;
        }
      }
    }
  }
  const schema = readMigrations(texts);
  const ours = {
    policies: new Set(schema.policies.keys()),
    rls: new Set([...schema.tables.entries()].filter(([, t]) => t.rls).map(([k]) => k)),
    definers: new Set([...schema.functions.values()].filter((f) => f.definer)
      .map((f) => (f.searchPath ? `${f.name} (search_path pinned)` : f.name))),
  };
  const theirs = {
    policies: facts.policies,
    rls: new Set([...facts.tables.entries()].filter(([, on]) => on).map(([k]) => k)),
    definers: facts.definers,
  };
  const row = { app, files: files.length, grants: facts.grants };
  for (const key of Object.keys(ours)) {
    const agreed = [...ours[key]].filter((k) => theirs[key].has(k)).length;
    const cell = { agreed, onlyOurs: ours[key].size - agreed, onlyPg: theirs[key].size - agreed };
    row[key] = cell;
    if (args.includes('--detail')) {
      for (const k of ours[key]) if (!theirs[key].has(k)) console.log(`  ${app} ${key}: only ours ${k}`);
      for (const k of theirs[key]) if (!ours[key].has(k)) console.log(`  ${app} ${key}: only libpg-query ${k}`);
    }
    const t = (factTotals[key] ??= { agreed: 0, onlyOurs: 0, onlyPg: 0 });
    for (const k of Object.keys(cell)) t[k] += cell[k];
  }
  rows.push(row);
}

const pct = (n, d) => (d ? `${Math.round((100 * n) / d)}%` : '–');
console.log(`.sql files: ${totals.files}, statements (our splitter): ${totals.statements}`);
console.log(`libpg-query: whole files parsed ${totals.pgFiles}/${totals.files} (${pct(totals.pgFiles, totals.files)}), ` +
  `statements ${totals.pgStatements}, statements rejected when split by us ${totals.pgSplitFailures}`);
console.log(`pgsql-ast-parser: whole files parsed ${totals.astFiles}/${totals.files} (${pct(totals.astFiles, totals.files)}), ` +
  `statements ${totals.astStatements}, statements rejected when split by us ${totals.astSplitFailures}`);
console.log('\nfacts per app: agreed / only ours / only libpg-query');
const cell = (c) => `${c.agreed}/${c.onlyOurs}/${c.onlyPg}`.padEnd(12);
console.log(`${'app'.padEnd(26)}${'files'.padEnd(7)}${'policies'.padEnd(12)}${'rls on'.padEnd(12)}${'definer fn'.padEnd(12)}grants`);
for (const r of rows) {
  console.log(`${r.app.padEnd(26)}${String(r.files).padEnd(7)}${cell(r.policies)}${cell(r.rls)}${cell(r.definers)}${r.grants}`);
}
const grants = rows.reduce((n, r) => n + r.grants, 0);
const { policies = {}, rls = {}, definers = {} } = factTotals;
console.log(`${'total'.padEnd(33)}${cell(policies)}${cell(rls)}${cell(definers)}${grants}`);
console.log('(grants: GRANT on tables to anon/authenticated/public, which our reader does not read)');
