// React context holding a platform client: `const Ctx = createContext(supabase)`, or a context typed
// `createContext<SupabaseClient | null>(null)`, or one whose provider is given the client
// (`<Ctx.Provider value={supabase}>`); `useContext(Ctx)` — in a custom hook or a component — is it.

import ts from 'typescript';

/** The context argument of `useContext(Ctx)` / `React.useContext(Ctx)` / React 19's `use(Ctx)`. */
export function usedContext(call: ts.CallExpression): ts.Identifier | undefined {
  const callee = call.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
  const arg = call.arguments[0];
  return (name === 'useContext' || name === 'use') && call.arguments.length === 1 && ts.isIdentifier(arg) ? arg : undefined;
}

/** `createContext(…)` / `React.createContext(…)`, if that is what the expression is. */
export function createContextCall(node: ts.Expression): ts.CallExpression | undefined {
  if (!ts.isCallExpression(node)) return undefined;
  const callee = node.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
  return name === 'createContext' ? node : undefined;
}

const providerValues = new WeakMap<ts.SourceFile, Map<string, ts.Expression[]>>();

/** The `value` given to each context's provider in the file, by the context's name. */
export function providedValues(file: ts.SourceFile, context: string): ts.Expression[] {
  let byName = providerValues.get(file);
  if (!byName) {
    byName = new Map();
    const found = byName;
    if (file.text.includes('value')) {
      const visit = (node: ts.Node): void => {
        if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) {
          const tag = node.tagName.getText(file).replace(/\.Provider$/, '');
          for (const attr of node.attributes.properties) {
            if (ts.isJsxAttribute(attr) && attr.name.getText(file) === 'value' && attr.initializer && ts.isJsxExpression(attr.initializer) && attr.initializer.expression) {
              found.set(tag, [...(found.get(tag) ?? []), attr.initializer.expression]);
            }
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(file);
    }
    providerValues.set(file, byName);
  }
  return byName.get(context) ?? [];
}
