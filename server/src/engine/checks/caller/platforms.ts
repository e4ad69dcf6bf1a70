// What counts as privileged on each platform. Base44 and Firebase read the engine's binding facts
// (a call on `base44.asServiceRole` of a real Base44 client; a firebase-admin write). Supabase
// privilege depends on the key a client was built with, so we follow the client's value back to
// its `createClient(url, key)` call, through variables, factory functions and workspace imports.

import ts from 'typescript';
import { isFallbackOperator, returnedExpressions } from '../../js/syntax';
import { CALL, Ref } from '../../refs';
import type { PrivilegedApi } from './analysis';
import type { EntryKind } from './entries';
import { FileModel, isThisMember, unwrap } from './model';
import { isSecretLookup } from './lookups';
import { localsValue } from './svelteLocals';
import { directVerifier } from './verifiers';

export function base44Api(entries: EntryKind[]): PrivilegedApi {
  return {
    key: 'base44',
    entries: new Set(entries),
    isPrivileged(call, model) {
      const ref = moduleRef(model.refOf(call), /^@base44\/sdk$/);
      if (!ref) return false;
      const p = ref.path;
      const client = (p[0] === 'createClientFromRequest' || p[0] === 'createClient') && p[1] === CALL;
      // The first call after `asServiceRole`: `….entities.Deal.filter()`, not the `.then()` after it.
      return client && p[2] === 'asServiceRole' && p.indexOf(CALL, 3) === p.length - 1;
    },
    isCheckLookup(call, model) {
      return this.isPrivileged(call, model) && isSecretLookup(call);
    },
  };
}

const AUTH_OPS = new Set([
  'deleteUser', 'deleteUsers', 'updateUser', 'createUser', 'importUsers', 'setCustomUserClaims', 'revokeRefreshTokens',
  'createCustomToken', 'listUsers', 'generatePasswordResetLink', 'generateEmailVerificationLink', 'generateSignInWithEmailLink',
]);
const FIRESTORE_WRITES = new Set(['set', 'update', 'delete', 'create', 'add', 'recursiveDelete', 'commit', 'runTransaction']);
const DATABASE_WRITES = new Set(['set', 'update', 'remove', 'push', 'transaction', 'setWithPriority']);
// Reads bypass Security Rules just as writes do: a handler that returns them to any caller exposes
// the collection (the rules may well deny that client read).
const AUTH_READS = new Set(['getUser', 'getUserByEmail', 'getUserByPhoneNumber', 'getUsers']);
const FIRESTORE_READS = new Set(['get', 'getAll', 'listDocuments', 'listCollections']);
const DATABASE_READS = new Set(['once', 'get']);

export function firebaseAdminApi(entries: EntryKind[]): PrivilegedApi {
  // Public URLs (onRequest, routes) expose what they read; a callable's reads of public data are
  // its normal use, so only its writes count.
  const reads = entries.some((k) => k !== 'callable');
  return {
    key: `firebase:${reads}`,
    entries: new Set(entries),
    isPrivileged(call, model) {
      const ref = moduleRef(model.refOf(call), /^firebase-admin(\/|$)/);
      if (!ref) return false;
      const p = ref.path;
      const last = p.length - 1;
      if (p[last] !== CALL) return false;
      const op = p[last - 1];
      const before = p.slice(0, last - 1);
      return ((AUTH_OPS.has(op) || (reads && AUTH_READS.has(op))) && builtBy(before, ['getAuth', 'auth'])) ||
        ((FIRESTORE_WRITES.has(op) || (reads && FIRESTORE_READS.has(op) && !fixedDocument(call))) && builtBy(before, ['getFirestore', 'initializeFirestore', 'firestore'])) ||
        ((DATABASE_WRITES.has(op) || (reads && DATABASE_READS.has(op))) && builtBy(before, ['getDatabase', 'getDatabaseWithUrl', 'database']));
    },
  };
}

/** `db.collection('stats').doc('totals').get()`: one document the code names itself, not rows a caller picks or a dump. */
function fixedDocument(call: ts.CallExpression): boolean {
  const callee = unwrap(call.expression);
  const receiver = ts.isPropertyAccessExpression(callee) ? unwrap(callee.expression) : undefined;
  if (!receiver || !ts.isCallExpression(receiver)) return false;
  const target = unwrap(receiver.expression);
  if (!ts.isPropertyAccessExpression(target) || target.name.text !== 'doc') return false;
  return receiver.arguments.length > 0 && receiver.arguments.every((a) => ts.isStringLiteralLike(a));
}

/** Does the path go through a call of one of these service getters (`getAuth()`, `admin.firestore()`)? */
function builtBy(path: string[], getters: string[]): boolean {
  return path.some((seg, i) => getters.includes(seg) && path[i + 1] === CALL);
}

function moduleRef(ref: Ref | undefined, module: RegExp): Ref | undefined {
  return ref?.root.kind === 'module' && module.test(ref.root.module) ? ref : undefined;
}

const SUPABASE_FACTORIES = new Set(['createClient', 'createServerClient', 'createBrowserClient', 'SupabaseClient']);
const SERVICE_KEY_NAME = /service[_-]?role|secret[_-]?key|service[_-]?key|sb[_-]?secret|admin[_-]?key|supabase[_-]?secret/i;

export function supabaseServiceRoleApi(entries: EntryKind[]): PrivilegedApi {
  const memo = new WeakMap<ts.Node, boolean>();
  const isServiceClient = (expr: ts.Expression, model: FileModel, depth = 0): boolean => {
    const e = unwrap(expr);
    const known = memo.get(e);
    if (known !== undefined) return known;
    memo.set(e, false);
    const result = depth <= 5 && serviceClient(e, model, depth, isServiceClient);
    memo.set(e, result);
    return result;
  };
  return {
    key: 'supabase',
    entries: new Set(entries),
    isPrivileged(call, model) {
      const callee = unwrap(call.expression);
      if (!ts.isPropertyAccessExpression(callee)) return false;
      // The chain's first call: walk down property accesses to its root value.
      let root: ts.Expression = callee.expression;
      // (`this.admin`, a class member, is a root too: its values are the class's.)
      while (
        (ts.isPropertyAccessExpression(root) && !isThisMember(root)) || ts.isElementAccessExpression(root) ||
        ts.isNonNullExpression(root) || ts.isParenthesizedExpression(root)
      ) root = root.expression;
      const named = ts.isIdentifier(root) || isThisMember(root);
      if (!named && !(ts.isCallExpression(root) && isSupabaseFactory(model.refAt(root)))) return false;
      if (directVerifier(call, model)) return false; // auth.getUser(token) on an admin client is the check itself
      return isServiceClient(root, model) || isContextAdmin(model.refOf(call));
    },
  };
}

type ClientTest = (expr: ts.Expression, model: FileModel, depth: number) => boolean;

function serviceClient(e: ts.Expression, model: FileModel, depth: number, recurse: ClientTest): boolean {
  if (isThisMember(e)) return model.valuesOf(e).some((v) => recurse(v.expr, v.model, depth + 1));
  if (ts.isIdentifier(e)) {
    const locals = localsValue(e, model);
    const values = [...model.valuesOf(e), ...model.argumentsFor(e), ...(locals ? [locals] : [])];
    return values.some((v) => recurse(v.expr, v.model, depth + 1));
  }
  if (!ts.isCallExpression(e)) return false;
  if (isNuxtServiceRole(e, model)) return true;
  // A factory of our own first (`const admin = getAdminClient()`): the engine's facts fold its
  // result into `createClient()`, but the key argument is inside the factory.
  const fn = model.functionFor(e.expression);
  if (fn) return !!fn.fn.body && returnedExpressions(fn.fn.body).some((r) => recurse(r, fn.model, depth + 1));
  const ref = model.refAt(e);
  if (!isSupabaseFactory(ref)) return false;
  if (ref!.path[0] === 'createAdminClient') return true;
  return SUPABASE_FACTORIES.has(ref!.path[0]) && isServiceKey(e.arguments[1], model, 0) && !actsAsCaller(e.arguments[2], model);
}

/** `serverSupabaseServiceRole(event)` from the Nuxt module's `#supabase/server`: a service-role client by definition. */
function isNuxtServiceRole(call: ts.CallExpression, model: FileModel): boolean {
  const callee = unwrap(call.expression);
  const imported = ts.isIdentifier(callee) ? model.importOf(callee) : undefined;
  return imported?.spec === '#supabase/server' && imported.name === 'serverSupabaseServiceRole';
}

/** `ctx.supabaseAdmin.from(…)` on the context @supabase/server hands to a handler (first call only). */
function isContextAdmin(ref: Ref | undefined): boolean {
  if (ref?.root.kind !== 'module' || !ref.root.module.startsWith('@supabase/server')) return false;
  const at = ref.path.indexOf('supabaseAdmin');
  return at > 0 && ref.path.indexOf(CALL, at) === ref.path.length - 1;
}

function isSupabaseFactory(ref: Ref | undefined): boolean {
  return ref?.root.kind === 'module' && ref.root.module.startsWith('@supabase/') && ref.path.length === 2 && ref.path[1] === CALL;
}

/** Is this `createClient` key argument the service-role (secret) key? Judged by where it comes from. */
function isServiceKey(arg: ts.Expression | undefined, model: FileModel, depth: number): boolean {
  if (!arg || depth > 4) return false;
  const e = unwrap(arg);
  if (ts.isBinaryExpression(e) && isFallbackOperator(e.operatorToken.kind)) {
    return isServiceKey(e.left, model, depth + 1) || isServiceKey(e.right, model, depth + 1);
  }
  if (ts.isStringLiteralLike(e)) return isSecretKeyLiteral(e.text);
  if (ts.isCallExpression(e)) {
    // Deno.env.get('SUPABASE_SERVICE_ROLE_KEY'), Netlify.env.get(…)
    const name = e.arguments[0];
    return /^(Deno|Netlify)\.env\.get$/.test(e.expression.getText(model.sourceFile)) && !!name && ts.isStringLiteralLike(name) && SERVICE_KEY_NAME.test(name.text);
  }
  if (ts.isPropertyAccessExpression(e)) return SERVICE_KEY_NAME.test(e.name.text);
  if (ts.isElementAccessExpression(e)) return ts.isStringLiteralLike(e.argumentExpression) && SERVICE_KEY_NAME.test(e.argumentExpression.text);
  if (ts.isIdentifier(e)) {
    const values = model.valuesOf(e);
    if (values.length > 0) return values.some((v) => isServiceKey(v.expr, v.model, depth + 1));
    return SERVICE_KEY_NAME.test(e.text);
  }
  return false;
}

/** `sb_secret_…`, or a legacy JWT key whose payload says `"role": "service_role"`. */
export function isSecretKeyLiteral(text: string): boolean {
  if (text.startsWith('sb_secret_')) return true;
  const parts = text.split('.');
  if (parts.length !== 3 || !text.startsWith('ey')) return false;
  try {
    const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as { role?: unknown };
    return payload.role === 'service_role';
  } catch {
    return false;
  }
}

/** Options that make the client act as the caller (`global.headers.Authorization` from the request). */
function actsAsCaller(options: ts.Expression | undefined, model: FileModel): boolean {
  return !!options && /headers\s*:\s*\{[^}]*\bauthorization\b/i.test(options.getText(model.sourceFile));
}

const BLOB_WRITES = new Set(['set', 'setJSON', 'delete']);

/**
 * Netlify Blobs writes: a store opened with `getStore()` inside a function or endpoint needs no key of
 * its own (the runtime injects the credentials), so whoever reaches the handler writes the store.
 */
export function netlifyBlobsApi(entries: EntryKind[]): PrivilegedApi {
  return {
    key: 'netlify-blobs',
    entries: new Set(entries),
    isPrivileged(call, model) {
      const ref = moduleRef(model.refOf(call), /^@netlify\/blobs$/);
      if (!ref) return false;
      const p = ref.path;
      const opened = p.findIndex((seg, i) => (seg === 'getStore' || seg === 'getDeployStore') && p[i + 1] === CALL);
      return opened >= 0 && p.length === opened + 4 && BLOB_WRITES.has(p[opened + 2]) && p[opened + 3] === CALL;
    },
  };
}
