// Shared AST helpers for the data-rule checks: a syntax tree for JSON files too (TypeScript parses
// JSON with positions), property names whatever their quoting, and string literal values.

import ts from 'typescript';
import type { CheckFile } from '../registry';

/** The file's syntax tree: the engine's for JS/TS, a JSON tree for `.json` files, else undefined. */
export function treeOf(file: CheckFile): ts.SourceFile | undefined {
  if (file.sourceFile) return file.sourceFile;
  // Parent pointers on, as the engine's JS trees have them.
  if (/\.json$/i.test(file.file)) return ts.createSourceFile(file.file, file.text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JSON);
  return undefined;
}

export function forEachNode(root: ts.Node, visit: (node: ts.Node) => void): void {
  const walk = (node: ts.Node): void => {
    visit(node);
    ts.forEachChild(node, walk);
  };
  walk(root);
}

/** `foo`, `'foo'`, `"foo"` as a property name; undefined for computed names. */
export function propertyName(name: ts.PropertyName | ts.MemberName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  return undefined;
}

/** The value of a string literal (or a template without substitutions). */
export function stringValue(node: ts.Node | undefined): string | undefined {
  if (node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))) return node.text;
  return undefined;
}

/** The initializer of a property in an object literal, by name. */
export function propertyValue(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const p of object.properties) {
    if (ts.isPropertyAssignment(p) && propertyName(p.name)?.toLowerCase() === name.toLowerCase()) return p.initializer;
  }
  return undefined;
}

/** The initializer of the first `const/let/var <name> = …` in the file. */
export function variableInit(root: ts.SourceFile, name: string): ts.Expression | undefined {
  let found: ts.Expression | undefined;
  forEachNode(root, (node) => {
    if (!found && ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name) found = node.initializer;
  });
  return found;
}

export function spanOf(node: ts.Node, root: ts.SourceFile): { start: number; end: number } {
  return { start: node.getStart(root), end: node.getEnd() };
}
