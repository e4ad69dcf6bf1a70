// Appwrite documents about a person made readable by `Role.any()`: guests with nothing but the
// project id can list them. A read grant to `any` is normal for public content (blog posts,
// catalogues), so this fires only when the write call names a person-like collection
// (`profiles`, `config.userCollectionId`) — the shape of profile data published to the world.

import ts from 'typescript';
import type { CheckHit, FileCheck } from '../registry';
import { sdkSite } from './appwrite';

/** Database calls whose last argument is the permission list (collection id second). */
const DOCUMENT_WRITES = new Set(['createDocument', 'updateDocument', 'upsertDocument', 'createRow', 'updateRow', 'upsertRow']);
/** Collection names that hold one record per person. */
const PERSONAL = /profile|user|member|customer|patient|client|contact|account|employee|student/i;

export const appwritePersonalReadCheck: FileCheck = {
  name: 'appwrite-personal-read-any',
  scope: 'file',
  prefilter: /appwrite/,
  hints: [{ text: 'appwrite' }],
  run(file) {
    const root = file.sourceFile;
    if (!file.facts || !root) return [];
    const sites = file.facts.sites;
    const anyRoles = sites.filter((s) => sdkSite(s, 'Role') === 'any');
    const hits: CheckHit[] = [];
    for (const read of sites) {
      if (sdkSite(read, 'Permission') !== 'read') continue;
      if (!anyRoles.some((r) => r.start > read.start && r.end <= read.end)) continue;
      const collection = personalCollection(enclosingWrite(root, read.start), root);
      if (collection) hits.push({ span: { start: read.start, end: read.end }, vars: { collection } });
    }
    return hits;
  },
};

/** The innermost document write call whose arguments contain `pos`. */
function enclosingWrite(root: ts.SourceFile, pos: number): ts.CallExpression | undefined {
  let found: ts.CallExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (pos < node.getStart(root) || pos >= node.getEnd()) return;
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      if (DOCUMENT_WRITES.has(node.expression.name.text)) found = node;
    }
    ts.forEachChild(node, visit);
  };
  visit(root);
  return found;
}

/** The collection argument's text when it names people; object-style calls use `collectionId`. */
function personalCollection(call: ts.CallExpression | undefined, root: ts.SourceFile): string | undefined {
  if (!call) return undefined;
  const first = call.arguments[0];
  let arg: ts.Node | undefined = call.arguments[1];
  if (first && ts.isObjectLiteralExpression(first)) {
    arg = first.properties.find(
      (p) => ts.isPropertyAssignment(p) && /^(collectionId|tableId)$/.test(p.name.getText(root)),
    );
    if (arg && ts.isPropertyAssignment(arg)) arg = arg.initializer;
  }
  const text = arg?.getText(root);
  return text && PERSONAL.test(text) ? text : undefined;
}
