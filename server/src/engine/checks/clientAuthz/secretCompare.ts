// A secret-named field of a Firestore document (an approval code, a join code, a PIN) compared with
// a value in client code: the document had to be readable by the client to get there, so anyone
// can read the code itself, and the comparison only gates the UI — a caller skips it by writing
// directly. Found where the field comes from a document snapshot's `.data()`, held in a variable
// (`const company = snap.docs[0].data()`) or read in place (`snap.data().pin`).

import ts from 'typescript';
import type { CheckHit, FileCheck } from '../registry';

/** Client SDK imports: the web and React Native SDKs share `firebase/firestore`. */
const CLIENT_FIRESTORE = /["'](?:firebase\/firestore(?:\/lite)?|@react-native-firebase\/firestore)["']/;
/** Field names that hold a secret the user is meant to type, not to read. */
const SECRET_PREFIX = '(?:approval|access|invite|invitation|join|admin|secret|verification|security|unlock|master|entry)?';
const SECRET_FIELD = new RegExp(`^${SECRET_PREFIX}_?(?:code|password|passcode|passphrase|pin|secret|otp)$`, 'i');
const EQUALITY = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken,
]);

export const clientSecretCompare: FileCheck = {
  name: 'client-secret-compare',
  scope: 'file',
  prefilter: /\.data\(\)/,
  hints: [{ text: '.data()' }],
  run(file) {
    const root = file.sourceFile;
    if (!root || !CLIENT_FIRESTORE.test(file.text)) return [];
    const documents = documentVariables(root);
    const hits: CheckHit[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isBinaryExpression(node) && EQUALITY.has(node.operatorToken.kind)) {
        const field = secretField(node.left, documents) ?? secretField(node.right, documents);
        const other = secretField(node.left, documents) ? node.right : node.left;
        if (field && !ts.isLiteralExpression(other) && other.kind !== ts.SyntaxKind.NullKeyword) {
          hits.push({ span: { start: node.getStart(root), end: node.getEnd() }, vars: { field } });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(root);
    return hits;
  },
};

/** Names bound to a snapshot's `.data()` anywhere in the file. */
function documentVariables(root: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && isDataCall(node.initializer)) {
      names.add(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(root);
  return names;
}

/** `x.data()`, possibly awaited or in parentheses. */
function isDataCall(node: ts.Expression): boolean {
  let inner = node;
  while (ts.isParenthesizedExpression(inner) || ts.isAwaitExpression(inner)) inner = inner.expression;
  return ts.isCallExpression(inner) && inner.arguments.length === 0 && ts.isPropertyAccessExpression(inner.expression)
    && inner.expression.name.text === 'data';
}

/** The field name when `node` reads a secret-named field of a document's data. */
function secretField(node: ts.Expression, documents: Set<string>): string | undefined {
  if (!ts.isPropertyAccessExpression(node) || !SECRET_FIELD.test(node.name.text)) return undefined;
  const holder = node.expression;
  const fromDocument = (ts.isIdentifier(holder) && documents.has(holder.text)) || isDataCall(holder);
  return fromDocument ? node.name.text : undefined;
}
