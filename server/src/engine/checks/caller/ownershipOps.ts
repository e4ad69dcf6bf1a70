// What a privileged operation touches, for the ownership check: the chain a privileged call belongs
// to (`admin.from('orders').delete().eq('id', body.id)`), the arguments that pick its rows or
// document (ids, filters, doc paths, storage paths, user ids), the payload it writes, and whether
// it is a write, a read, or a bulk action over every user or row.

import ts from 'typescript';
import { unwrap } from './model';

export type OpKind = 'write' | 'read' | 'bulk';

export interface Op {
  kind: OpKind;
  /** The method that decided the kind (`update`, `bulkCreate`). */
  method: string;
  /** Expressions that choose which rows, documents, files or users the operation touches. */
  targets: ts.Expression[];
  /** Values written under an owner or tenant key (`{ company_id: … }`). */
  ownerValues: ts.Expression[];
  /** Every argument of the chain (a scoping value can be anywhere in it). */
  all: ts.Expression[];
}

const WRITES = new Set([
  'update', 'delete', 'remove', 'set', 'create', 'add', 'insert', 'upsert', 'save', 'upload', 'put', 'bulkCreate',
  'bulkUpdate', 'bulkDelete', 'deleteMany', 'updateMany', 'updateUser', 'deleteUser', 'setCustomUserClaims', 'move',
  'copy', 'push', 'transaction', 'revokeRefreshTokens', 'createCustomToken', 'generatePasswordResetLink',
]);
const BULK = new Set(['deleteUsers', 'listUsers', 'recursiveDelete', 'bulkCreate', 'bulkDelete', 'deleteMany']);
/** Methods whose only argument is the data written, not a target. */
const PAYLOAD_FIRST = new Set([
  'insert', 'upsert', 'update', 'set', 'add', 'create', 'save', 'push', 'bulkCreate', 'updateMany',
]);
/** Methods whose last argument (of two or more) is the data written. */
const PAYLOAD_LAST = new Set([
  'update', 'set', 'updateUser', 'setCustomUserClaims', 'upload', 'put', 'updateMany', 'upsert',
]);
/** Filter columns and keys that name a record or its owner, not a search term. */
export const ID_KEY = /(^|_)(id|uid|ids|email|slug|token|key|path)$|[a-z](Id|Ids|ID|Uid|Email|Path)$/;
/** Payload keys that put a record under someone (a user, a company, a team). */
const OWNER_KEY =
  /^(user|owner|company|org|organization|organisation|team|workspace|created_by|author)(_?id|_?Id|ID)?$/;

/** The whole call chain a privileged call sits in, from its first call to its last. */
export function chainOf(call: ts.CallExpression): { top: ts.Expression; calls: ts.CallExpression[] } {
  let top: ts.Expression = call;
  for (;;) {
    const p = top.parent;
    const calledMember = ts.isPropertyAccessExpression(p) && p.expression === top && ts.isCallExpression(p.parent);
    if (calledMember && (p.parent as ts.CallExpression).expression === p) top = p.parent as ts.CallExpression;
    else break;
  }
  const calls: ts.CallExpression[] = [];
  let e: ts.Expression = top;
  for (;;) {
    e = unwrap(e);
    if (ts.isCallExpression(e)) {
      calls.unshift(e);
      e = e.expression;
    } else if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) e = e.expression;
    else break;
  }
  return { top, calls };
}

export function isWrite(method: string): boolean {
  return WRITES.has(method);
}

function methodOf(call: ts.CallExpression): string {
  const callee = unwrap(call.expression);
  return ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
}

/** The operation a privileged chain performs. */
export function opOf(call: ts.CallExpression): Op {
  const { calls } = chainOf(call);
  const targets: ts.Expression[] = [];
  const ownerValues: ts.Expression[] = [];
  const all: ts.Expression[] = [];
  let kind: OpKind = 'read';
  let decided = '';
  for (const c of calls) {
    const method = methodOf(c);
    if (BULK.has(method) || (WRITES.has(method) && kind !== 'bulk')) {
      kind = BULK.has(method) ? 'bulk' : 'write';
      decided = method;
    }
    const args = [...c.arguments];
    all.push(...args);
    const payloadLast = PAYLOAD_LAST.has(method) && args.length >= 2;
    const payloadAt = payloadLast ? args.length - 1 : PAYLOAD_FIRST.has(method) && args.length === 1 ? 0 : -1;
    args.forEach((arg, i) => {
      if (i === payloadAt) ownerValues.push(...ownerFields(arg));
      else targets.push(...targetParts(c, i, method));
    });
  }
  return { kind, method: decided, targets, ownerValues, all };
}

/**
 * The parts of an argument that pick rows: a plain value (`doc(id)`, `update(id, …)`), the id-like
 * keys of a filter object (`filter({ id: x })`), or the value of an id-like column (`eq('id', x)`).
 */
function targetParts(call: ts.CallExpression, index: number, method: string): ts.Expression[] {
  const e = unwrap(call.arguments[index]);
  if (ts.isObjectLiteralExpression(e)) return keyedValues(e, (key) => ID_KEY.test(key));
  if (ts.isStringLiteralLike(e) || ts.isNumericLiteral(e)) return [];
  if (isFunctionLike(e)) return [];
  // `.eq('status', x)`: a column that is not an id is a search term, not a target.
  if (index === 1 && FILTERS.has(method)) {
    const column = call.arguments[0];
    if (ts.isStringLiteralLike(column) && !ID_KEY.test(column.text)) return [];
  }
  return [e];
}

const FILTERS = new Set(['eq', 'in', 'match', 'where', 'filter', 'contains', 'is', 'like', 'ilike']);

function ownerFields(arg: ts.Expression): ts.Expression[] {
  const e = unwrap(arg);
  if (ts.isArrayLiteralExpression(e)) return e.elements.flatMap((el) => ownerFields(el));
  return ts.isObjectLiteralExpression(e) ? keyedValues(e, (key) => OWNER_KEY.test(key)) : [];
}

function keyedValues(obj: ts.ObjectLiteralExpression, wanted: (key: string) => boolean): ts.Expression[] {
  const out: ts.Expression[] = [];
  for (const p of obj.properties) {
    const named = ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name));
    if (named && wanted(p.name.text)) out.push(p.initializer);
    else if (ts.isShorthandPropertyAssignment(p) && wanted(p.name.text)) out.push(p.name);
  }
  return out;
}

function isFunctionLike(e: ts.Expression): boolean {
  return ts.isArrowFunction(e) || ts.isFunctionExpression(e);
}
