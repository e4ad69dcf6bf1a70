// APIs that establish who the caller is. Platform calls are recognised through the engine's binding
// facts (a `me()` on something that is not a Base44 client is not a check); signature and JWT
// libraries through their imports or the Web Crypto global.

import ts from 'typescript';
import type { Ref } from '../../refs';
import { CALL } from '../../refs';
import type { VerifyKind } from './flow';
import { FileModel, unwrap } from './model';
import { localsRef } from './svelteLocals';

interface Verifier {
  kind: VerifyKind;
  /** Returns a promise: it only stops the caller when awaited. */
  async: boolean;
}

/** Session and token helpers of common auth libraries, by module and export name. */
const LIBRARY_VERIFIERS: { module: RegExp; names: Record<string, Verifier> }[] = [
  { module: /(^|\/)jose(@|$|\/)|deno\.land\/x\/jose/, names: { jwtVerify: { kind: 'throws', async: true } } },
  { module: /^(npm:)?jsonwebtoken(@|$)/, names: { verify: { kind: 'throws', async: false } } },
  { module: /djwt/, names: { verify: { kind: 'throws', async: true } } },
  { module: /^(npm:)?hono(@[^/]*)?\/jwt$/, names: { verify: { kind: 'throws', async: true } } },
  { module: /^(npm:)?next-auth(@[^/]*)?(\/next)?$/, names: { getServerSession: { kind: 'result', async: true } } },
  // Nuxt's Supabase module: the session user of the request, or null.
  {
    module: /^#supabase\/server$/,
    names: {
      serverSupabaseUser: { kind: 'result', async: true },
      serverSupabaseSession: { kind: 'result', async: true },
    },
  },
  {
    module: /^(npm:)?@clerk\//,
    names: {
      auth: { kind: 'result', async: true },
      currentUser: { kind: 'result', async: true },
      getAuth: { kind: 'result', async: false },
    },
  },
];

/** How a call verifies the caller, before helpers, awaiting and `.catch()` are taken into account. */
export function directVerifier(call: ts.CallExpression, model: FileModel): Verifier | undefined {
  const ref = model.refOf(call) ?? localsRef(call, model);
  if (ref) return platformVerifier(ref);
  return signatureVerifier(call, model) ?? libraryVerifier(call, model);
}

function platformVerifier(ref: Ref): Verifier | undefined {
  if (ref.root.kind !== 'module') return undefined;
  const p = ref.path;
  const last = p.length - 1;
  if (p[last] !== CALL) return undefined;
  const method = p[last - 1];
  const owner = p[last - 2];
  const module = ref.root.module;
  if (module === '@base44/sdk' && owner === 'auth' && p.indexOf('asServiceRole') < 0) {
    // me() rejects for a caller without a valid session; isAuthenticated() answers with a boolean.
    if (method === 'me') return { kind: 'throws', async: true };
    if (method === 'isAuthenticated') return { kind: 'result', async: true };
  }
  if (module.startsWith('@supabase/') && owner === 'auth' && (method === 'getUser' || method === 'getClaims'))
    return { kind: 'result', async: true };
  // @supabase/server: createSupabaseContext() and core verifyAuth()/verifyCredentials() answer { data, error }.
  if (
    module.startsWith('@supabase/server') &&
    p.length === 2 &&
    ['createSupabaseContext', 'verifyAuth', 'verifyCredentials'].includes(method)
  )
    return { kind: 'result', async: true };
  if (/^firebase-admin(\/|$)/.test(module) && (method === 'verifyIdToken' || method === 'verifySessionCookie'))
    return { kind: 'throws', async: true };
  return undefined;
}

/** Webhook signatures: Web Crypto, node:crypto HMAC and timing-safe compare, Stripe and Svix helpers. */
function signatureVerifier(call: ts.CallExpression, model: FileModel): Verifier | undefined {
  const callee = unwrap(call.expression);
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
  if (!name) return undefined;
  const receiver = ts.isPropertyAccessExpression(callee) ? unwrap(callee.expression) : undefined;
  const receiverText = receiver?.getText(model.sourceFile) ?? '';
  if (
    (name === 'verify' || name === 'sign') &&
    /(^|\.)subtle$/.test(receiverText) &&
    isGlobalRoot(receiver!, model, 'crypto')
  ) {
    return { kind: 'result', async: true };
  }
  if (name === 'createHmac' || name === 'timingSafeEqual') {
    if (!receiver)
      return fromModule(callee as ts.Identifier, model, /^(node:)?crypto$/)
        ? { kind: 'result', async: false }
        : undefined;
    return isCryptoModule(receiver, model) ? { kind: 'result', async: false } : undefined;
  }
  if ((name === 'constructEvent' || name === 'constructEventAsync') && /(^|\.)webhooks$/.test(receiverText)) {
    return { kind: 'throws', async: name === 'constructEventAsync' };
  }
  if (name === 'verify' && receiver && isWebhookInstance(receiver, model)) return { kind: 'throws', async: false };
  return undefined;
}

/** The module export a callee names: `verify` imported by name, or `jwt.verify` on a namespace or default import. */
export function importedCallee(call: ts.CallExpression, model: FileModel): { spec: string; name: string } | undefined {
  const callee = unwrap(call.expression);
  if (ts.isIdentifier(callee)) return model.importOf(callee);
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression)) return undefined;
  const ns = model.importOf(callee.expression);
  return ns && (ns.name === '*' || ns.name === 'default') ? { spec: ns.spec, name: callee.name.text } : undefined;
}

function libraryVerifier(call: ts.CallExpression, model: FileModel): Verifier | undefined {
  const imported = importedCallee(call, model);
  if (!imported) return undefined;
  for (const lib of LIBRARY_VERIFIERS) {
    if (lib.module.test(imported.spec) && Object.hasOwn(lib.names, imported.name)) return lib.names[imported.name];
  }
  return undefined;
}

/** The verifier kind as this call site uses it: a throwing check not awaited, or `.catch()`-ed, only yields a value. */
export function adjustForUse(call: ts.CallExpression, v: Verifier): VerifyKind {
  if (v.kind !== 'throws') return v.kind;
  const holder = outerExpression(call);
  const parent = holder.parent;
  if (ts.isPropertyAccessExpression(parent) && (parent.name.text === 'catch' || parent.name.text === 'then'))
    return 'result';
  if (
    v.async &&
    !ts.isAwaitExpression(parent) &&
    !ts.isReturnStatement(parent) &&
    !(ts.isArrowFunction(parent) && parent.body === holder)
  )
    return 'result';
  return 'throws';
}

function outerExpression(node: ts.Expression): ts.Expression {
  let cur = node;
  while (
    ts.isParenthesizedExpression(cur.parent) ||
    ts.isNonNullExpression(cur.parent) ||
    ts.isAsExpression(cur.parent)
  )
    cur = cur.parent;
  return cur;
}

function isGlobalRoot(expr: ts.Expression, model: FileModel, name: string): boolean {
  let root: ts.Expression = expr;
  while (ts.isPropertyAccessExpression(root)) root = root.expression;
  if (!ts.isIdentifier(root)) return false;
  if (root.text === 'globalThis' || root.text === 'self' || root.text === 'window') return true;
  return root.text === name && (model.isGlobal(root) || !!fromModule(root, model, /^(node:)?crypto$/));
}

function isCryptoModule(receiver: ts.Expression, model: FileModel): boolean {
  return (
    ts.isIdentifier(receiver) &&
    (model.isGlobal(receiver)
      ? receiver.text === 'crypto'
      : !!fromModule(receiver, model, /^(node:)?crypto$|std\/(node\/)?crypto/))
  );
}

function fromModule(id: ts.Identifier, model: FileModel, spec: RegExp): boolean {
  const imported = model.importOf(id);
  return !!imported && spec.test(imported.spec);
}

/** `new Webhook(secret)` from svix or standardwebhooks, held in a variable or used inline. */
function isWebhookInstance(receiver: ts.Expression, model: FileModel): boolean {
  const values = ts.isIdentifier(receiver) ? model.valuesOf(receiver).map((v) => unwrap(v.expr)) : [receiver];
  return values.some(
    (v) =>
      ts.isNewExpression(v) &&
      ts.isIdentifier(v.expression) &&
      fromModule(v.expression, model, /svix|standardwebhooks/),
  );
}
