// PocketBase collection API rules set to the empty string. In PocketBase `null` locks an action to
// superusers while `""` opens it to everyone, guests included, so `listRule: ""` and
// `collection.updateRule = ""` in pb_migrations/*.js or an exported pb_schema.json are public
// endpoints. `options.finding` is `write` (create/update/delete/manage) or `read` (list/view).
// Sign-up (`createRule: ""` on an auth collection) is PocketBase's normal default and stays quiet, and
// so does an open read on published content (posts, articles, products) whose authors alone may edit.

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
/** Collections whose names say they hold published content (a blog, a shop catalogue). */
const PUBLISHED_CONTENT = /^(posts?|articles?|blogs?|blog_?posts?|pages?|products?|categories|tags?|news|announcements?|recipes?)$/i;

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
      if (RULES[found.rule] === 'read' && found.published) return;
      hits.push({ span: spanOf(node, root), vars: { rule: found.rule, collection: found.collection ?? 'this collection' } });
    });
    return hits;
  },
};

interface EmptyRule {
  rule: string;
  collection?: string;
  auth: boolean;
  /** Public by design: published content whose authors alone may change it. */
  published?: boolean;
}

/** `listRule: ""` in an object literal, or `collection.listRule = ""`. */
function emptyRule(node: ts.Node, root: ts.SourceFile): EmptyRule | undefined {
  if (ts.isPropertyAssignment(node) && ts.isObjectLiteralExpression(node.parent)) {
    const rule = propertyName(node.name);
    if (!rule || !(rule in RULES) || stringValue(node.initializer)?.trim() !== '') return undefined;
    const collection = stringValue(propertyValue(node.parent, 'name'));
    const type = stringValue(propertyValue(node.parent, 'type'));
    const published = PUBLISHED_CONTENT.test(collection ?? '') && authorOnlyWrites(node.parent);
    return { rule, collection, auth: type === 'auth' || AUTH_COLLECTION.test(collection ?? ''), published };
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left)) {
    const rule = node.left.name.text;
    if (!(rule in RULES) || stringValue(node.right)?.trim() !== '') return undefined;
    const collection = ts.isIdentifier(node.left.expression) ? collectionName(root, node.left.expression.text) : undefined;
    return { rule, collection, auth: AUTH_COLLECTION.test(collection ?? '') };
  }
  return undefined;
}

/**
 * Updates and deletes tied to the record's author (`user = @request.auth.id`) or locked: with an
 * open read on a posts-like collection, that is a blog's shape, not a forgotten rule.
 */
function authorOnlyWrites(collection: ts.ObjectLiteralExpression): boolean {
  const write = ['updateRule', 'deleteRule'].map((rule) => propertyValue(collection, rule));
  const scoped = (value: ts.Expression | undefined) => /^\s*\w+\s*=\s*@request\.auth\.id\s*$/.test(stringValue(value) ?? '');
  const locked = (value: ts.Expression | undefined) => !value || value.kind === ts.SyntaxKind.NullKeyword;
  return write.some(scoped) && write.every((value) => scoped(value) || locked(value));
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
