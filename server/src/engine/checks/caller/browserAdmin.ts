// Supabase's Auth admin API (`auth.admin.createUser`, `deleteUser`, `updateUserById`, …) called from
// code that runs in the browser (a `'use client'` module). The admin API only answers a client built
// with the service-role key: either the call fails for everyone, or that key has been shipped to every
// visitor, who can then read and write the whole database past row level security.

import ts from 'typescript';
import type { CheckHit, LinkedCheck } from '../registry';
import { callSpan, renderChain } from './analysis';
import { CallerWorkspace, FileModel, unwrap } from './model';

export const browserAuthAdminCheck: LinkedCheck = {
  name: 'supabase-auth-admin-in-browser',
  scope: 'linked',
  prefilter: /auth\s*\.\s*admin\b/,
  hints: [{ text: 'admin' }],
  run(file, view) {
    if (!file.facts || !/['"]use client['"]/.test(file.text)) return [];
    const model = CallerWorkspace.of(view).model(file.file);
    if (!model || !directive(model.sourceFile, 'use client')) return [];
    const hits: CheckHit[] = [];
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n) && isAuthAdminCall(n, model)) {
        hits.push({ span: callSpan(n, model.sourceFile), vars: { op: renderChain(n, model.sourceFile) } });
      }
      ts.forEachChild(n, visit);
    };
    visit(model.sourceFile);
    return hits;
  },
};

/** `x.auth.admin.createUser(…)` or `x.auth.admin.mfa.deleteFactor(…)` on a Supabase client. */
function isAuthAdminCall(call: ts.CallExpression, model: FileModel): boolean {
  let e = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(e)) return false;
  e = unwrap(e.expression);
  if (ts.isPropertyAccessExpression(e) && e.name.text !== 'admin') e = unwrap(e.expression); // admin.mfa
  if (!ts.isPropertyAccessExpression(e) || e.name.text !== 'admin') return false;
  const auth = unwrap(e.expression);
  if (!ts.isPropertyAccessExpression(auth) || auth.name.text !== 'auth') return false;
  const ref = model.refOf(call);
  return ref?.root.kind === 'module' && ref.root.module.startsWith('@supabase/') && ref.path.includes('admin');
}

/** Is the module's prologue this directive (`'use client'`, `'use server'`)? */
export function directive(sf: ts.SourceFile, text: string): boolean {
  for (const stmt of sf.statements) {
    if (!ts.isExpressionStatement(stmt) || !ts.isStringLiteral(stmt.expression)) return false;
    if (stmt.expression.text === text) return true;
  }
  return false;
}
