// Base44 entity schemas (base44/entities/*.jsonc) that hold personal or secret data but leave
// reads, updates or deletes without a row-level rule. Base44 applies `rls` per operation; an
// operation with no rule (or `true`, or `{}`) is open to every user of the app, and to anonymous
// visitors of a public app. Shared reference data (a product list) is fine open, so the check
// fires only with evidence that rows belong to someone or carry secrets: a field naming an owner
// (`user_id`, `owner_email`, …), a secret-named field (`token`, `keys`, …), an audit log, or a name
// for one person's own records (a portfolio, a watchlist).
// The built-in User entity has its own rules and is skipped.

import ts from 'typescript';
import type { CheckHit, FileCheck } from '../registry';
import { propertyName, propertyValue, stringValue } from './jsonAst';

const GUARDED_OPERATIONS = ['read', 'update', 'delete'] as const;
/** Field names (lower case, underscores removed) that tie a row to a person. */
const OWNER_FIELD = /^(user|owner|member|customer|author|account|buyer|patient|student|employee|tenant|recipient|follower)(id|email|uid)?$/;
const SECRET_FIELD = /token|secret|password|passwd|apikey|privatekey|^keys$|^credentials?$/;
const AUDIT_NAME = /audit/i;
/**
 * Entity names for one person's own records (`Portfolio`, `TradeLog`, `Watchlist`): Base44 stamps
 * every row with `created_by`, so such entities often carry no owner field of their own.
 */
const PERSONAL_NAME = /portfolio|holding|wallet|trade|watchlist|favou?rite|bookmark|journal|diary/i;

export const base44EntityRlsCheck: FileCheck = {
  name: 'base44-entity-open-rows',
  scope: 'file',
  textOnly: true,
  run(file) {
    const root = ts.parseJsonText(file.file, file.text);
    const schema = root.statements[0]?.expression;
    if (!schema || !ts.isObjectLiteralExpression(schema)) return [];
    const name = stringValue(propertyValue(schema, 'name')) ?? file.file.replace(/^.*\/|\.jsonc?$/g, '');
    if (name === 'User') return [];
    const open = openOperations(propertyValue(schema, 'rls'));
    if (open.length === 0) return [];
    const why = evidence(name, propertyValue(schema, 'properties'));
    if (!why) return [];
    const start = schema.getStart(root);
    return [{ span: { start, end: start + 1 }, vars: { name, ops: open.join(', '), why } } satisfies CheckHit];
  },
};

/** Operations among read/update/delete that no rule restricts. */
function openOperations(rls: ts.Expression | undefined): string[] {
  if (!rls || !ts.isObjectLiteralExpression(rls)) return [...GUARDED_OPERATIONS];
  return GUARDED_OPERATIONS.filter((op) => {
    const rule = propertyValue(rls, op);
    if (!rule || rule.kind === ts.SyntaxKind.TrueKeyword) return true;
    return ts.isObjectLiteralExpression(rule) && rule.properties.length === 0;
  });
}

/** Why the rows are private: the first owner or secret field, or an audit log's name. */
function evidence(name: string, properties: ts.Expression | undefined): string | undefined {
  const fields = properties && ts.isObjectLiteralExpression(properties)
    ? properties.properties.map((p) => (p.name ? propertyName(p.name) : undefined)).filter((f): f is string => !!f)
    : [];
  const squash = (field: string) => field.toLowerCase().replace(/[_-]/g, '');
  const owner = fields.find((field) => OWNER_FIELD.test(squash(field)));
  if (owner) return `its rows belong to a user (${owner})`;
  const secret = fields.find((field) => SECRET_FIELD.test(squash(field)));
  if (secret) return `it stores secrets (${secret})`;
  if (AUDIT_NAME.test(name)) return 'it is an audit log, which users must not be able to rewrite';
  if (PERSONAL_NAME.test(name)) return "its name says it holds each user's own records";
  return undefined;
}
