// Admin status decided in client code from a Firestore document (`getDoc(doc(db, 'admins', uid))`)
// in a workspace that holds no Firestore Security Rules. With rules in the repository, the same read
// is a UI hint backed by the rules, and other checks judge the rules; without any, nothing in the
// code says the admin-only writes the UI then offers are refused to everyone else.

import ts from 'typescript';
import type { CheckFile, CheckHit, WorkspaceCheck } from '../registry';
import { stringValue } from '../dataRules/jsonAst';

const CLIENT_FIRESTORE = /["'](?:firebase\/firestore(?:\/lite)?|@react-native-firebase\/firestore)["']/;
const ADMIN_COLLECTION = /^(?:admins?|administrators|moderators|superusers|staff)$/i;
/** A rules file, or a firebase.json that points at one. */
const RULES_FILE = /(^|\/)[\w.-]*\.rules$/;

export const clientAdminDocument: WorkspaceCheck = {
  name: 'client-admin-document',
  scope: 'workspace',
  prefilter: /admins?["']|administrators["']|moderators["']|superusers["']|staff["']|cloud\.firestore|"firestore"/,
  // Also which scripts the check reads (workspaceChecks.ts): any casing of the collection names.
  hints: [
    ...['admin', 'moderators', 'superusers', 'staff'].map((text) => ({ text, caseInsensitive: true })),
    ...['cloud.firestore', '"firestore"'].map((text) => ({ text })),
  ],
  run(files) {
    if (files.some(hasRules)) return [];
    const hits: (CheckHit & { file: string })[] = [];
    for (const file of files) {
      if (!CLIENT_FIRESTORE.test(file.text)) continue;
      const root = treeOf(file);
      if (!root) continue;
      const visit = (node: ts.Node): void => {
        const collection = adminDocument(node);
        if (collection) hits.push({ file: file.file, span: { start: node.getStart(root), end: node.getEnd() }, vars: { collection } });
        ts.forEachChild(node, visit);
      };
      visit(root);
    }
    return hits;
  },
};

/** The engine's tree, or a fresh one for a script it left unparsed. */
function treeOf(file: CheckFile): ts.SourceFile | undefined {
  if (file.sourceFile) return file.sourceFile;
  if (!/\.[cm]?[jt]sx?$/.test(file.file)) return undefined;
  return ts.createSourceFile(file.file, file.text, ts.ScriptTarget.Latest, true);
}

function hasRules(file: CheckFile): boolean {
  if (RULES_FILE.test(file.file) && /cloud\.firestore/.test(file.text)) return true;
  return /(^|\/)firebase\.json$/.test(file.file) && /"firestore"\s*:/.test(file.text);
}

/** `doc(db, 'admins', id)`: the collection name when it names administrators. */
function adminDocument(node: ts.Node): string | undefined {
  if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'doc') return undefined;
  const name = stringValue(node.arguments[1]);
  return name && node.arguments.length >= 3 && ADMIN_COLLECTION.test(name) ? name : undefined;
}
