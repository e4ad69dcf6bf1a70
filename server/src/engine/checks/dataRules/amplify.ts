// Amplify Gen 2 access rules written in TypeScript under amplify/: data models and custom operations
// open to the public API key or to guests, storage paths guests may write, and IAM statements that
// grant every action of a service on every resource. `options.finding` picks one of `data`,
// `storage` or `iam`. Only the syntax tree is read, so a rule inside a comment stays quiet.

import ts from 'typescript';
import type { CheckHit, FileCheck } from '../registry';
import { forEachNode, propertyName, propertyValue, spanOf, stringValue } from './jsonAst';

const READ_OPERATIONS = new Set(['read', 'get', 'list', 'listen', 'search', 'sync']);
const WRITE_ACCESS = new Set(['write', 'delete']);

export const amplifyAccessCheck: FileCheck = {
  name: 'amplify-access',
  scope: 'file',
  prefilter: /publicApiKey|allow\.guest|PolicyStatement/,
  hints: ['publicApiKey', 'allow.guest', 'PolicyStatement'].map((text) => ({ text })),
  run(file, options) {
    const root = file.sourceFile;
    if (!root) return [];
    const hits: CheckHit[] = [];
    forEachNode(root, (node) => {
      let hit: CheckHit | undefined;
      if (ts.isNewExpression(node)) hit = options.finding === 'iam' ? iamHit(node, root) : undefined;
      else if (ts.isCallExpression(node)) {
        hit = options.finding === 'data' ? dataHit(node, root) : options.finding === 'storage' ? storageHit(node, root) : undefined;
      }
      if (hit) hits.push(hit);
    });
    return hits;
  },
};

/** `allow.publicApiKey()` / `allow.guest()` in an `.authorization(…)` list, not narrowed to reads. */
function dataHit(call: ts.CallExpression, root: ts.SourceFile): CheckHit | undefined {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'authorization') return undefined;
  const rules = ruleList(call.arguments[0]);
  if (!rules) return undefined;
  for (const rule of rules.elements) {
    const grant = publicGrant(rule);
    if (!grant || (grant.operations && grant.operations.every((op) => READ_OPERATIONS.has(op)))) continue;
    const what = kindOf(callee.expression);
    const owner = call.parent;
    const name = what.label === 'schema' ? 'every model' : ts.isPropertyAssignment(owner) ? propertyName(owner.name) : undefined;
    const ops = grant.operations ? ` (${grant.operations.join(', ')})` : '';
    return { span: spanOf(rule, root), vars: { who: grant.who, what: what.label, ops, name: name ?? '' } };
  }
  return undefined;
}

/** The array an authorization callback returns: `(allow) => [ … ]`. */
function ruleList(callback: ts.Expression | undefined): ts.ArrayLiteralExpression | undefined {
  if (!callback || !(ts.isArrowFunction(callback) || ts.isFunctionExpression(callback))) return undefined;
  let body: ts.Node = callback.body;
  if (ts.isBlock(body)) {
    const ret = body.statements.find(ts.isReturnStatement);
    if (!ret?.expression) return undefined;
    body = ret.expression;
  }
  while (ts.isParenthesizedExpression(body)) body = body.expression;
  return ts.isArrayLiteralExpression(body) ? body : undefined;
}

/** `allow.publicApiKey()`, `allow.guest()`, optionally followed by `.to([...])`. */
function publicGrant(rule: ts.Expression): { who: string; operations?: string[] } | undefined {
  let operations: string[] | undefined;
  let base = rule;
  if (ts.isCallExpression(base) && ts.isPropertyAccessExpression(base.expression) && base.expression.name.text === 'to') {
    operations = stringList(base.arguments[0]);
    base = base.expression.expression;
  }
  if (!ts.isCallExpression(base) || !ts.isPropertyAccessExpression(base.expression)) return undefined;
  const name = base.expression.name.text;
  if (name === 'publicApiKey' || name === 'public') return { who: 'anyone holding the public API key', operations };
  if (name === 'guest') return { who: 'unauthenticated guests', operations };
  return undefined;
}

/** What an `.authorization` call is attached to: a model, a custom query or mutation, or the schema. */
function kindOf(receiver: ts.Expression): { label: string } {
  let node: ts.Expression = receiver;
  while (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    const method = node.expression.name.text;
    const target = node.expression.expression;
    if (ts.isIdentifier(target) && ['model', 'query', 'mutation', 'schema'].includes(method)) {
      return { label: method === 'model' ? 'model' : method === 'schema' ? 'schema' : `custom ${method}` };
    }
    node = target;
  }
  return { label: 'model' };
}

/** `allow.guest.to([... 'write' | 'delete' ...])` in a defineStorage access map. */
function storageHit(call: ts.CallExpression, root: ts.SourceFile): CheckHit | undefined {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'to') return undefined;
  const who = callee.expression;
  if (!ts.isPropertyAccessExpression(who) || who.name.text !== 'guest') return undefined;
  const operations = stringList(call.arguments[0]) ?? [];
  const writes = operations.filter((op) => WRITE_ACCESS.has(op));
  if (writes.length === 0) return undefined;
  const entry = call.parent?.parent;
  const path = entry && ts.isPropertyAssignment(entry) ? propertyName(entry.name) : undefined;
  return { span: spanOf(call, root), vars: { ops: writes.join(' and '), path: path ?? 'this path' } };
}

/** `new PolicyStatement({ actions: ['dynamodb:*'], resources: ['*'] })` with an Allow effect. */
function iamHit(node: ts.NewExpression, root: ts.SourceFile): CheckHit | undefined {
  if (!ts.isIdentifier(node.expression) || node.expression.text !== 'PolicyStatement') return undefined;
  const props = node.arguments?.[0];
  if (!props || !ts.isObjectLiteralExpression(props)) return undefined;
  const effect = propertyValue(props, 'effect');
  if (effect && /deny/i.test(effect.getText(root))) return undefined;
  const actions = stringList(propertyValue(props, 'actions')) ?? [];
  const resources = stringList(propertyValue(props, 'resources')) ?? [];
  const wild = actions.find((action) => action === '*' || /^[\w-]+:\*$/.test(action));
  if (!wild || !resources.includes('*')) return undefined;
  return { span: spanOf(node, root), vars: { action: wild } };
}

function stringList(node: ts.Expression | undefined): string[] | undefined {
  if (!node || !ts.isArrayLiteralExpression(node)) return undefined;
  return node.elements.map((e) => stringValue(e)).filter((s): s is string => s !== undefined);
}
