// Signed in is not allowed. A handler that verifies its caller and then uses privileged access
// (service role, Admin SDK) on a record, document, file or user the request names, without ever
// tying that target to the caller (`.eq('owner_id', user.id)`, an id taken from the token) or
// testing a role or ownership that stops the handler, lets any signed-in user act on anyone's data.
// So does a bulk action (delete every user, a bulk insert into a shared table) behind a login alone.
//
// Handlers with a privileged call no verification dominates are left to the privileged-call checks
// (privileged.ts): this check looks only at handlers those consider guarded. One finding per
// handler, on its first operation of the kind.

import ts from 'typescript';
import type { CheckHit, LinkedCheck } from '../registry';
import { Analysis, callSpan, Point, PrivilegedApi } from './analysis';
import { Entry, EntryKind, findEntries, mayHaveEntries } from './entries';
import { CallerWorkspace, unwrap } from './model';
import { HandlerFacts, handlerFacts, ROLE_WORD } from './ownershipFlow';
import { mentions, requiredHelperCalls } from './ownershipHelpers';
import { ID_KEY, isWrite, Op, opOf } from './ownershipOps';
import { base44Api, firebaseAdminApi, supabaseServiceRoleApi } from './platforms';
import { entryOption, mayReachPlatform, UNTRACKED_PLATFORM_IMPORT } from './privileged';
import { importsMayReach } from './reach';

/** Records that belong to a person: reading another user's is a leak. */
const PERSONAL = /[.'"](users?|(user_?)?profiles?|(shipping_|billing_)?addresse?s?|customers?|members?|contacts?|getUser\w*)[.'"(]/i;

type Reason = 'target' | 'owner' | 'bulk';

const WHAT: Record<Reason, string> = {
  target: 'a record the request names',
  owner: 'records filed under an owner the request names',
  bulk: 'every user or row at once',
};

type ApiFactory = (entries: EntryKind[]) => PrivilegedApi;

function ownershipCheck(
  name: string, makeApi: ApiFactory, defaults: EntryKind[], modules: RegExp, prefilter: RegExp, words: string[],
): LinkedCheck {
  return {
    name,
    scope: 'linked',
    prefilter,
    // Words one of which every text the prefilter accepts holds (see FileCheck.hints).
    hints: words.map((text) => ({ text, caseInsensitive: true })),
    run(file, view, options) {
      const entries = entryOption(options) ?? defaults;
      if (!mayHaveEntries(file.file, file.text, entries)) return [];
      const untracked = UNTRACKED_PLATFORM_IMPORT.test(file.text);
      if (file.prefilterSkipped && !importsMayReach(view, file, modules) && !untracked) return [];
      if (!file.facts || !(mayReachPlatform(file, modules) || untracked)) return [];
      const model = CallerWorkspace.of(view).model(file.file);
      if (!model) return [];
      const api = makeApi(entries);
      const analysis = Analysis.of(view, api);
      const hits: CheckHit[] = [];
      for (const entry of findEntries(model, new Set(entries))) {
        const found = firstOverreach(entry, analysis, api);
        if (!found) continue;
        const sf = model.sourceFile;
        const at = found.at;
        const span = at ? { start: at.getStart(sf), end: at.getEnd() } : callSpan(found.point.node, sf);
        hits.push({ span, vars: { op: found.point.op, what: WHAT[found.reason] } });
      }
      return hits;
    },
  };
}

interface Overreach {
  point: Point;
  reason: Reason;
  /** Where to report, when not on the call: the route whose helper in another module acts. */
  at?: ts.Node;
}

/** The handler's first privileged operation on a target the caller was never tied to. */
function firstOverreach(entry: Entry, analysis: Analysis, api: PrivilegedApi): Overreach | undefined {
  // Unguarded privileged calls are the privileged-call checks' findings.
  if (analysis.firstUnguarded(entry)) return undefined;
  const candidates = [
    ...analysis.points(entry.fn, entry.model).map((point) => ({
      point,
      op: pointOp(point),
      subject: point.op,
      at: undefined,
    })),
    ...requiredHelperCalls(entry.fn, entry.model, analysis).map(({ point, inner, helperName, given }) => {
      const { op, shown } = requiredOp(point, inner, helperName, given);
      const callee = point.node.expression.getText(entry.model.sourceFile);
      const subject = `.${helperName}(`;
      return { point: { node: point.node, op: `${callee}(…) → ${shown.op}` }, op, subject, at: routeOf(entry) };
    }),
  ].sort((a, b) => a.point.node.getStart(entry.model.sourceFile) - b.point.node.getStart(entry.model.sourceFile));
  if (candidates.length === 0 || registeredBehindRole(entry)) return undefined;
  const facts = handlerFacts(entry, analysis, api);
  if (facts.guarded) return undefined;
  for (const { point, op, subject, at } of candidates) {
    const reason = judge(op, subject, facts);
    if (reason === 'loads') return undefined;
    if (reason) return { point, reason, at };
  }
  return undefined;
}

function judge(op: Op | undefined, subject: string, facts: HandlerFacts): Reason | 'loads' | undefined {
  if (!op) return undefined;
  // An owner the request names outweighs any mention of the caller (`created_by: user.email`).
  if (op.ownerValues.some((e) => facts.fromRequest(e) && !facts.fromIdentity(e))) return 'owner';
  if (op.all.some((e) => facts.fromIdentity(e))) return undefined; // scoped to the caller
  if (op.targets.some((e) => facts.fromRequest(e))) {
    // A read is an exposure when it returns someone's personal records. Otherwise the handler loads
    // the record before acting on it, where its own rules apply: only a blind write is judged.
    return op.kind !== 'read' || PERSONAL.test(subject) ? 'target' : 'loads';
  }
  // A bulk insert whose rows name no one (the caller's identity is never used) fills a shared table.
  return op.kind === 'bulk' && (op.method !== 'bulkCreate' || !facts.usesIdentity) ? 'bulk' : undefined;
}

/** The operation of a direct privileged call, or of a workspace helper's call (its writes only). */
function pointOp(point: Point): Op | undefined {
  if (!point.op.includes(' → ')) return opOf(point.node);
  const inner = point.op.slice(point.op.indexOf(' → ') + 3);
  // What a local helper acts on is what it is given under an id-like name (`archive(b44, body.docId)`).
  const args = point.node.arguments.filter((a) => ID_KEY.test(lastName(a)));
  const method = /\.(\w+)\([^()]*\)$/.exec(inner)?.[1] ?? '';
  const bulk = /\.(deleteUsers|listUsers|recursiveDelete|bulkCreate)\(/.test(inner);
  const kind = bulk ? 'bulk' : isWrite(method) ? 'write' : undefined;
  return kind && { kind, method, targets: args, ownerValues: [], all: args };
}

function lastName(e: ts.Expression): string {
  const u = unwrap(e);
  return ts.isIdentifier(u) ? u.text : ts.isPropertyAccessExpression(u) ? u.name.text : '';
}

/**
 * A required module's function, judged by what its privileged calls do with what it is given: a bulk
 * action, a change to existing records (not a new one added), or a read of someone's profile by name.
 */
function requiredOp(point: Point, inner: Point[], helperName: string, given: Set<string>): { op?: Op; shown: Point } {
  const ops = inner.map((p) => pointOp(p) ?? opOf(p.node));
  const args = [...point.node.arguments];
  const base = { targets: args, ownerValues: [], all: args };
  const bulk = ops.findIndex((o) => o.kind === 'bulk');
  if (bulk >= 0) return { op: { ...base, kind: 'bulk', method: ops[bulk].method }, shown: inner[bulk] };
  // A change counts when what the helper was given picks the record (`doc(data.uid)`), not a fixed one.
  const change = ops.findIndex((o) => CHANGES.has(o.method) && o.targets.some((t) => mentions(t, given)));
  if (change >= 0) return { op: { ...base, kind: 'write', method: ops[change].method }, shown: inner[change] };
  const readsPerson = /^(get|read|fetch|find)\w*(user|profile|customer|member)(info|data|details|record|byid)?s?$/i.test(helperName);
  return { op: readsPerson ? { ...base, kind: 'read', method: '' } : undefined, shown: inner[0] };
}

/** Writes that change or remove records that exist, as opposed to adding new ones. */
const CHANGES = new Set([
  'update', 'delete', 'remove', 'set', 'updateUser', 'deleteUser', 'setCustomUserClaims', 'recursiveDelete',
]);

/** The registration a route handler is passed to (`router.get`), where a finding about a helper it calls sits. */
function routeOf(entry: Entry): ts.Node | undefined {
  let node: ts.Node = entry.fn;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  return ts.isCallExpression(node.parent) ? node.parent.expression : undefined;
}

/** `router.post('/strike', requireAdmin, handler)` or a `router.use(isAdmin)` in the same file. */
function registeredBehindRole(entry: Entry): boolean {
  const sf = entry.model.sourceFile;
  let node: ts.Node = entry.fn;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const call = node.parent;
  const roleArgument = (a: ts.Expression) => a !== node && !ts.isStringLiteralLike(a) && ROLE_WORD.test(a.getText(sf));
  if (ts.isCallExpression(call) && call.arguments.some(roleArgument)) return true;
  return sf.statements.some((s) => {
    if (!ts.isExpressionStatement(s)) return false;
    const e = unwrap(s.expression);
    if (!ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression)) return false;
    if (e.expression.name.text !== 'use') return false;
    return e.arguments.some((a) => ROLE_WORD.test(a.getText(sf)));
  });
}

export const base44OwnershipCheck = ownershipCheck(
  'base44-service-role-without-ownership-check', base44Api, ['serve'], /^@base44\/sdk$/, /asServiceRole/, ['asServiceRole'],
);
export const supabaseOwnershipCheck = ownershipCheck(
  'supabase-service-role-without-ownership-check', supabaseServiceRoleApi, ['serve', 'route', 'next'],
  /^[@#]supabase\//, /supabase|\blocals\s*[:.]/i, ['supabase', 'locals'],
);
// Express routes call data modules that hold the Admin SDK: the route file need not name firebase.
export const firebaseOwnershipCheck = ownershipCheck(
  'firebase-admin-without-ownership-check', firebaseAdminApi, ['http', 'route', 'next', 'callable'],
  /^firebase-(admin|functions)(\/|$)/, /firebase|\.(get|post|put|patch|delete)\s*\(/,
  ['firebase', '.get', '.post', '.put', '.patch', '.delete'],
);
