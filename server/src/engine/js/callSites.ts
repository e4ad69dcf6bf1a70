// Parameters that receive their value at call sites: `export async function upload(client, …)`
// gives no clue in its own file what `client` is, but every caller in the workspace passes its
// Supabase client. A parameter of a top-level named function (or a method or constructor of a
// top-level class) with no value of its own becomes a placeholder (`#param`), and each file records
// the platform values it passes to such functions; the workspace index matches the two.

import ts from 'typescript';
import type { Ref } from '../refs';

/** The `ws` specifier of a parameter placeholder; its name is `<function key>/<index>`. */
export const PARAM_SPEC = '#param';
/** A call's target in the calling file itself. */
export const SELF_SPEC = '.#self';

/** A platform value a file passes to a function: an argument, or a property of an object literal argument. */
export interface CallArg {
  /** The specifier the function comes from (SELF_SPEC for the file's own), and its key (`f`, `C`, `C#m`). */
  spec: string;
  key: string;
  index: number;
  /** Set for a property of an object literal argument (`new Ops({ client })` → ['client']). */
  path?: string[];
  ref: Ref;
}

export function paramPlaceholder(key: string, index: number, path: string[]): Ref {
  return { root: { kind: 'ws', spec: PARAM_SPEC, name: `${key}/${index}` }, path };
}

export function isParamPlaceholder(ref: Ref | null): boolean {
  return ref?.root.kind === 'ws' && ref.root.spec === PARAM_SPEC;
}

const UNTRACKED_TYPES = new Set([
  ts.SyntaxKind.StringKeyword, ts.SyntaxKind.NumberKeyword, ts.SyntaxKind.BooleanKeyword, ts.SyntaxKind.BigIntKeyword,
  ts.SyntaxKind.SymbolKeyword, ts.SyntaxKind.UndefinedKeyword, ts.SyntaxKind.NeverKeyword, ts.SyntaxKind.VoidKeyword,
  ts.SyntaxKind.LiteralType, ts.SyntaxKind.ArrayType, ts.SyntaxKind.FunctionType, ts.SyntaxKind.TupleType,
]);

/**
 * The key under which callers find a function (`upload`, `Ops` for its constructor, `Ops#list`),
 * when it is a top-level one: other files can only name those.
 */
export function functionKey(fn: ts.SignatureDeclaration): string | undefined {
  const parent = fn.parent;
  if (ts.isFunctionDeclaration(fn)) return fn.name && ts.isSourceFile(parent) ? fn.name.text : undefined;
  if (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) {
    const holder = parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name) ? parent : undefined;
    const statement = holder?.parent?.parent;
    const topLevel = holder && statement && ts.isVariableStatement(statement) && ts.isSourceFile(statement.parent);
    return topLevel ? (holder.name as ts.Identifier).text : undefined;
  }
  const isMember = ts.isConstructorDeclaration(fn) || ts.isMethodDeclaration(fn);
  if (!isMember || !ts.isClassDeclaration(parent) || !parent.name || !ts.isSourceFile(parent.parent)) return undefined;
  if (ts.isConstructorDeclaration(fn)) return parent.name.text;
  return ts.isIdentifier(fn.name) ? `${parent.name.text}#${fn.name.text}` : undefined;
}

/** May a parameter with this declared type hold a client? (Not a string, a number, an array, a function…) */
export function mayHoldClient(param: ts.ParameterDeclaration | undefined): boolean {
  return !!param && !param.dotDotDotToken && !(param.type && UNTRACKED_TYPES.has(param.type.kind));
}

/**
 * The platform values a call passes to its target: each argument, and each property of an object
 * literal argument (`new Ops({ client })`), that evaluates to a binding.
 */
export function passedArgs(
  target: { spec: string; key: string },
  args: ts.NodeArray<ts.Expression>,
  evaluate: (e: ts.Expression) => Ref | null,
): CallArg[] {
  const out: CallArg[] = [];
  const add = (index: number, value: ts.Expression, path?: string[]) => {
    const ref = evaluate(value);
    if (ref) out.push(path ? { ...target, index, path, ref } : { ...target, index, ref });
  };
  args.forEach((arg, index) => {
    if (ts.isSpreadElement(arg)) return;
    if (!ts.isObjectLiteralExpression(arg)) return add(index, arg);
    for (const prop of arg.properties) {
      const named = ts.isPropertyAssignment(prop) && (ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name));
      if (named) add(index, prop.initializer, [(prop.name as ts.Identifier).text]);
      else if (ts.isShorthandPropertyAssignment(prop)) add(index, prop.name, [prop.name.text]);
    }
  });
  return out;
}
