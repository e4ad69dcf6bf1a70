// SvelteKit hands request-scoped values to handlers through `event.locals`, filled in
// `src/hooks.server.ts`:
//
//   event.locals.supabaseServiceRole = createClient(url, PRIVATE_SUPABASE_SERVICE_ROLE)   (hooks)
//   actions = { save: async ({ locals: { supabaseServiceRole } }) => …supabaseServiceRole.from(…) }
//
// What a handler reads from `locals` is what the hook assigned: a service-role client, or a
// `safeGetSession` helper that verifies the session. Only the hooks file beside the handler's
// `src/` folder is read (the engine's facts do not carry values through `locals`).

import ts from 'typescript';
import { CALL, DYNAMIC, Ref } from '../../refs';
import { FileModel, FnRef, isFunctionExpr, unwrap, ValueRef } from './model';

const HOOK_FILES = ['hooks.server.ts', 'hooks.server.js'];

/** The value the hooks file assigns to the `locals` member this identifier was destructured from. */
export function localsValue(id: ts.Identifier, model: FileModel): ValueRef | undefined {
  const decl = model.decl(id);
  let member: string | undefined;
  if (decl?.kind === 'param' && decl.path.length === 2 && decl.path[0] === 'locals') member = decl.path[1];
  if (decl?.kind === 'var' && decl.path.length === 1 && decl.init && isLocals(decl.init)) member = decl.path[0];
  return member ? assignedInHooks(model, member) : undefined;
}

/** A function kept in `locals` (`const { session } = await safeGetSession()`), as a helper to summarise. */
export function localsFunction(callee: ts.Expression, model: FileModel): FnRef | undefined {
  const e = unwrap(callee);
  const value = ts.isIdentifier(e) ? localsValue(e, model) : localsMember(e, model);
  const fn = value && unwrap(value.expr);
  return fn && isFunctionExpr(fn) ? { model: value.model, fn, name: 'locals' } : undefined;
}

/**
 * The platform reference of a call on a `locals` member, in the hooks file or a handler:
 * `event.locals.supabase.auth.getUser()` is a call on what the hook stored in `locals.supabase`.
 */
export function localsRef(node: ts.Expression, model: FileModel): Ref | undefined {
  const segments: string[] = [];
  let cur: ts.Expression = unwrap(node);
  for (;;) {
    const value = ts.isIdentifier(cur) ? localsValue(cur, model) : localsMember(cur, model);
    if (value) {
      const base = value.model.refAt(unwrap(value.expr));
      return base && { root: base.root, path: [...base.path, ...segments] };
    }
    if (ts.isCallExpression(cur)) segments.unshift(CALL);
    else if (ts.isPropertyAccessExpression(cur)) segments.unshift(cur.name.text);
    else if (ts.isElementAccessExpression(cur)) {
      segments.unshift(ts.isStringLiteralLike(cur.argumentExpression) ? cur.argumentExpression.text : DYNAMIC);
    }
    else return undefined;
    cur = unwrap((cur as ts.CallExpression | ts.PropertyAccessExpression | ts.ElementAccessExpression).expression);
  }
}

/** `event.locals.name` / `locals.name`. */
function localsMember(e: ts.Expression, model: FileModel): ValueRef | undefined {
  if (!ts.isPropertyAccessExpression(e) || !isLocals(e.expression)) return undefined;
  return assignedInHooks(model, e.name.text);
}

function isLocals(e: ts.Expression): boolean {
  const u = unwrap(e);
  return (ts.isIdentifier(u) && u.text === 'locals') || (ts.isPropertyAccessExpression(u) && u.name.text === 'locals');
}

function assignedInHooks(model: FileModel, member: string): ValueRef | undefined {
  const hooks = hooksModel(model);
  if (!hooks) return undefined;
  let found: ts.Expression | undefined;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = unwrap(n.left);
      if (ts.isPropertyAccessExpression(left) && left.name.text === member && isLocals(left.expression)) {
        found = n.right;
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(hooks.sourceFile);
  return found && { model: hooks, expr: found };
}

/** `…/src/hooks.server.ts` for a file under `…/src/`. */
function hooksModel(model: FileModel): FileModel | undefined {
  const at = model.file.lastIndexOf('src/');
  if (at < 0 || (at > 0 && model.file[at - 1] !== '/')) return undefined;
  const dir = model.file.slice(0, at + 4);
  for (const name of HOOK_FILES) {
    const hooks = model.ws.model(dir + name);
    if (hooks) return hooks;
  }
  return undefined;
}
