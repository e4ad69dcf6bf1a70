// Schema changes as privileged operations: a request handler that runs DDL (`CREATE TABLE`,
// `ALTER`, `DROP`, a migration file read from disk) through a database driver. "Setup" and
// "migrate" routes left public let anyone re-run, or with DROP undo, the app's schema, and their
// error replies tend to echo the database's details.

import ts from 'typescript';
import type { PrivilegedApi } from './analysis';
import type { EntryKind } from './entries';
import { FileModel, unwrap } from './model';

/** Driver methods that send SQL text: pg/Neon/mysql `query`, libsql/D1 `execute`/`exec`, postgres.js `unsafe`. */
const SQL_METHODS = new Set(['query', 'execute', 'exec', 'unsafe', 'raw', 'executeMultiple']);
const DDL_OBJECT = 'table|schema|index|extension|type|function|policy|trigger|view|database';
const DDL = new RegExp(`\\b(?:create|alter|drop|truncate)\\s+(?:or\\s+replace\\s+)?(?:unique\\s+)?(?:${DDL_OBJECT})\\b`, 'i');
/** A file of SQL read at run time: `readFileSync(join(cwd, 'lib/db/migrations/001-init.sql'))`. */
const SQL_FILE = /\.sql\b|migrations?\b/i;

export function schemaChangeApi(entries: EntryKind[]): PrivilegedApi {
  return {
    entries: new Set(entries),
    isPrivileged(call, model) {
      const callee = unwrap(call.expression);
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
      return SQL_METHODS.has(name) && !!call.arguments[0] && isDdl(call.arguments[0], model, 0);
    },
  };
}

function isDdl(arg: ts.Expression, model: FileModel, depth: number): boolean {
  if (depth > 3) return false;
  const e = unwrap(arg);
  if (ts.isStringLiteralLike(e)) return DDL.test(e.text);
  if (ts.isTemplateExpression(e)) return DDL.test(e.head.text) || e.templateSpans.some((s) => DDL.test(s.literal.text));
  if (ts.isTaggedTemplateExpression(e)) return DDL.test(e.template.getText(model.sourceFile));
  if (ts.isIdentifier(e)) return model.valuesOf(e).some((v) => v.model === model && isDdl(v.expr, model, depth + 1));
  if (ts.isCallExpression(e)) return readsSqlFile(e, model, depth);
  return false;
}

/** `fs.readFileSync(file, 'utf8')` / `await readFile(file)` of a .sql or migrations path. */
function readsSqlFile(call: ts.CallExpression, model: FileModel, depth: number): boolean {
  const callee = unwrap(call.expression);
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
  if (name !== 'readFileSync' && name !== 'readFile') return false;
  const path = call.arguments[0];
  return !!path && mentionsSqlFile(path, model, depth);
}

function mentionsSqlFile(expr: ts.Expression, model: FileModel, depth: number): boolean {
  if (SQL_FILE.test(expr.getText(model.sourceFile))) return true;
  const e = unwrap(expr);
  if (!ts.isIdentifier(e) || depth > 3) return false;
  return model.valuesOf(e).some((v) => v.model === model && mentionsSqlFile(v.expr, model, depth + 1));
}
