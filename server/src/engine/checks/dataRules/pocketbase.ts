// PocketBase collection API rules set to the empty string. In PocketBase `null` locks an action to
// superusers while `""` opens it to everyone, guests included, so `listRule: ""` and
// `collection.updateRule = ""` in pb_migrations/*.js or an exported pb_schema.json are public
// endpoints. `options.finding` is `write` (create/update/delete/manage) or `read` (list/view).
// Sign-up (`createRule: ""` on an auth collection) is PocketBase's normal default and stays quiet.

import ts from 'typescript';
import type { CheckHit, FileCheck } from '../registry';
import { forEachNode, propertyName, propertyValue, spanOf, stringValue, treeOf, variableInit } from './jsonAst';

const RULES: Record<string, 'read' | 'write'> = {
  listRule: 'read',
  viewRule: 'read',
  createRule: 'write',
  updateRule: 'write',
  deleteRule: 'write',
  manageRule: 'write',
};
const AUTH_COLLECTION = /^(users|_pb_users_auth_|_superusers)$/;

export const pocketbaseRulesCheck: FileCheck = {
  name: 'pocketbase-open-rules',
  scope: 'file',
  run(file, options) {
    const root = treeOf(file);
    if (!root) return [];
    const hits: CheckHit[] = [];
    forEachNode(root, (node) => {
      const found = emptyRule(node, root);
      if (!found || RULES[found.rule] !== options.finding) return;
      if (found.rule === 'createRule' && found.auth) return;
      hits.push({ span: spanOf(node, root), vars: { rule: found.rule, collection: found.collection ?? 'this collection' } });
    });
    return hits;
  },
};

interface EmptyRule {
  rule: string;
  collection?: string;
  auth: boolean;
}

/** `listRule: ""` in an object literal, or `collection.listRule = ""`. */
function emptyRule(node: ts.Node, root: ts.SourceFile): EmptyRule | undefined {
  if (ts.isPropertyAssignment(node) && ts.isObjectLiteralExpression(node.parent)) {
    const rule = propertyName(node.name);
    if (!rule || !(rule in RULES) || stringValue(node.initializer)?.trim() !== '') return undefined;
    const collection = stringValue(propertyValue(node.parent, 'name'));
    const type = stringValue(propertyValue(node.parent, 'type'));
    return { rule, collection, auth: type === 'auth' || AUTH_COLLECTION.test(collection ?? '') };
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left)) {
    const rule = node.left.name.text;
    if (!(rule in RULES) || stringValue(node.right)?.trim() !== '') return undefined;
    const collection = ts.isIdentifier(node.left.expression) ? collectionName(root, node.left.expression.text) : undefined;
    return { rule, collection, auth: AUTH_COLLECTION.test(collection ?? '') };
  }
  return undefined;
}

/** `const c = app.findCollectionByNameOrId("orders")` → `orders`. */
function collectionName(root: ts.SourceFile, variable: string): string | undefined {
  let init = variableInit(root, variable);
  while (init && (ts.isAwaitExpression(init) || ts.isParenthesizedExpression(init))) init = init.expression;
  if (init && ts.isCallExpression(init)) return stringValue(init.arguments[0]);
  if (init && ts.isNewExpression(init) && init.arguments?.[0] && ts.isObjectLiteralExpression(init.arguments[0])) {
    return stringValue(propertyValue(init.arguments[0], 'name'));
  }
  return undefined;
}
