// A counter (views, likes) raised from browser code with the Appwrite web SDK by writing back the
// value it read plus one: `updateDocument(db, posts, id, { views: post.views + 1 })`. For every
// visitor's browser to do that, the collection must grant update on its documents to everyone who
// reads them, and then anyone can rewrite any field of any post, not just the counter. Server
// functions (node-appwrite) are not this shape's concern.

import ts from 'typescript';
import type { CheckHit, FileCheck } from '../registry';
import { propertyName } from '../dataRules/jsonAst';

const WEB_SDK = /(?:from\s*|require\(\s*)["'](?:appwrite|react-native-appwrite)["']/;
const UPDATES = new Set(['updateDocument', 'updateRow', 'upsertDocument', 'upsertRow']);

export const clientCounterWrite: FileCheck = {
  name: 'client-counter-write',
  scope: 'file',
  prefilter: /update(?:Document|Row)|upsert(?:Document|Row)/,
  hints: ['updateDocument', 'updateRow', 'upsertDocument', 'upsertRow'].map((text) => ({ text })),
  run(file) {
    const root = file.sourceFile;
    if (!root || !WEB_SDK.test(file.text)) return [];
    const hits: CheckHit[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && UPDATES.has(node.expression.name.text)) {
        const field = counterField(dataArgument(node));
        if (field) hits.push({ span: { start: node.getStart(root), end: node.getEnd() }, vars: { field } });
      }
      ts.forEachChild(node, visit);
    };
    visit(root);
    return hits;
  },
};

/** The data object: the fourth argument, or `data` of the single-object form. */
function dataArgument(call: ts.CallExpression): ts.Expression | undefined {
  const [first] = call.arguments;
  if (first && ts.isObjectLiteralExpression(first) && call.arguments.length === 1) {
    const data = first.properties.find((p) => ts.isPropertyAssignment(p) && propertyName(p.name) === 'data');
    return data && ts.isPropertyAssignment(data) ? data.initializer : undefined;
  }
  return call.arguments[3];
}

/** A property set to a value read elsewhere plus or minus one. */
function counterField(data: ts.Expression | undefined): string | undefined {
  if (!data || !ts.isObjectLiteralExpression(data)) return undefined;
  for (const p of data.properties) {
    if (!ts.isPropertyAssignment(p)) continue;
    let value = p.initializer;
    while (ts.isParenthesizedExpression(value)) value = value.expression;
    if (!ts.isBinaryExpression(value) || !ts.isNumericLiteral(value.right) || value.right.text !== '1') continue;
    const op = value.operatorToken.kind;
    if ((op === ts.SyntaxKind.PlusToken || op === ts.SyntaxKind.MinusToken) && !ts.isLiteralExpression(value.left)) {
      return propertyName(p.name);
    }
  }
  return undefined;
}
