// Privileged calls reached from a request handler before the caller is verified. For each handler
// we list its privileged points in source order — direct privileged calls, and calls to helper
// functions (same file or imported) that make one without a guard of their own — and report the
// first one no guard dominates. Helpers are summarised once: do they verify the caller (as a
// guard that throws, or as a value to test), and do they make a privileged call?

import ts from 'typescript';
import type { Span } from '../../types';
import type { LinkedView } from '../registry';
import { Entry, EntryKind, callableSeed } from './entries';
import { Flow, VerifyKind } from './flow';
import { FileModel, Fn, FnRef, forEachInline, unwrap } from './model';
import { localsFunction } from './svelteLocals';
import { adjustForUse, directVerifier } from './verifiers';

export interface PrivilegedApi {
  /**
   * Apis with the same key judge every call alike: one file's checks that use them share one
   * Analysis (its helper summaries and handler verdicts). Without a key, a check's analysis is its own.
   */
  key?: string;
  /** Handler kinds this check looks at. */
  entries: ReadonlySet<EntryKind>;
  /** Is this call a privileged operation (service-role data access, admin user management)? */
  isPrivileged(call: ts.CallExpression, model: FileModel): boolean;
  /** A privileged read that is the first half of a check (a lookup by a secret token; lookups.ts). */
  isCheckLookup?(call: ts.CallExpression, model: FileModel): boolean;
}

/** For checks that look at guards only: nothing counts as privileged. */
export const NO_PRIVILEGE: PrivilegedApi = { key: 'none', entries: new Set(), isPrivileged: () => false };

export interface Point {
  node: ts.CallExpression;
  /** The operation as shown in the message: `base44.asServiceRole.entities.Deal.filter(…)`. */
  op: string;
}

interface Summary {
  verifies?: VerifyKind;
  privileged?: Point;
}

const PENDING: Summary = {};

export class Analysis {
  private readonly summaries = new Map<Fn, Summary>();
  private readonly pointsOf = new Map<Fn, Point[]>();
  /** How often a summary was asked for while still being made (recursion): answers then are partial. */
  private partial = 0;
  /** firstUnguarded's answers, by handler and then by its kind (a callable's flow starts verified). */
  private readonly unguarded = new Map<Fn, Map<string, Point | undefined>>();

  constructor(private readonly api: PrivilegedApi) {}

  /** The analysis for an api on the file being checked, shared with its other checks (PrivilegedApi.key). */
  static of(view: LinkedView, api: PrivilegedApi): Analysis {
    if (api.key === undefined) return new Analysis(api);
    const key = `caller:analysis:${api.key}`;
    let analysis = view.run.get(key) as Analysis | undefined;
    if (!analysis) view.run.set(key, (analysis = new Analysis(api)));
    return analysis;
  }

  /** verifier's answers by call (flows of handlers and helpers ask again about the same calls). */
  private readonly verdicts = new Map<ts.CallExpression, VerifyKind | undefined>();

  /** How a call verifies the caller, helpers included. */
  readonly verifier = (call: ts.CallExpression, model: FileModel): VerifyKind | undefined => {
    if (this.verdicts.has(call)) return this.verdicts.get(call);
    const partial = this.partial;
    const kind = this.findVerifier(call, model);
    if (partial === this.partial) this.verdicts.set(call, kind);
    return kind;
  };

  private findVerifier(call: ts.CallExpression, model: FileModel): VerifyKind | undefined {
    const direct = directVerifier(call, model);
    if (direct) return adjustForUse(call, direct);
    if (this.api.isCheckLookup?.(call, model)) return 'result';
    const helper = model.functionFor(call.expression) ?? localsFunction(call.expression, model);
    if (!helper || isInline(helper.fn)) return undefined;
    const verifies = this.summary(helper).verifies;
    if (verifies !== 'throws') return verifies;
    return adjustForUse(call, { kind: 'throws', async: isAsync(helper.fn) });
  }

  flow(model: FileModel, entry?: Entry): Flow {
    const seed = entry?.kind === 'callable' ? callableSeed(entry.fn) : undefined;
    return new Flow(model, { verifier: this.verifier, seed });
  }

  /** The first privileged point of a handler that no guard dominates. */
  firstUnguarded(entry: Entry): Point | undefined {
    if (entry.preGuarded) return undefined;
    let byKind = this.unguarded.get(entry.fn);
    if (!byKind) this.unguarded.set(entry.fn, (byKind = new Map()));
    if (byKind.has(entry.kind)) return byKind.get(entry.kind);
    const partial = this.partial;
    const flow = this.flow(entry.model, entry);
    const point = this.points(entry.fn, entry.model).find((p) => !flow.guardedAt(p.node, entry.fn));
    if (partial === this.partial) byKind.set(entry.kind, point);
    return point;
  }

  /** Does this handler verify its caller somewhere (for functions whose platform gate is off)? */
  verifiesSomewhere(entry: Entry): boolean {
    if (entry.preGuarded) return true;
    const body = entry.fn.body;
    if (!body) return false;
    if (!ts.isBlock(body)) return this.hasVerifierCall(body, entry.model);
    return this.flow(entry.model, entry).containsGuard(body);
  }

  /** Privileged calls in a function body (and its inline callbacks), in source order. */
  points(fn: Fn, model: FileModel): Point[] {
    const known = this.pointsOf.get(fn);
    if (known) return known;
    const partial = this.partial;
    const points = this.findPoints(fn, model);
    // Kept only when no helper's summary was half-made: asked again later, the answer could differ.
    if (partial === this.partial) this.pointsOf.set(fn, points);
    return points;
  }

  private findPoints(fn: Fn, model: FileModel): Point[] {
    const out: Point[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) && node !== fn && !isInline(node)) return;
      if (ts.isCallExpression(node)) {
        const point = this.pointAt(node, model, fn);
        if (point) out.push(point);
      }
      ts.forEachChild(node, visit);
    };
    if (fn.body) visit(fn.body);
    return out.sort((a, b) => a.node.getStart(model.sourceFile) - b.node.getStart(model.sourceFile));
  }

  private pointAt(call: ts.CallExpression, model: FileModel, within: Fn): Point | undefined {
    if (this.api.isPrivileged(call, model)) {
      return this.api.isCheckLookup?.(call, model) ? undefined : { node: call, op: renderChain(call, model.sourceFile) };
    }
    const helper = model.functionFor(call.expression);
    if (!helper || helper.fn === within || isInline(helper.fn)) return undefined;
    const inner = this.summary(helper).privileged;
    return inner && { node: call, op: `${renderChain(call, model.sourceFile)} → ${inner.op}` };
  }

  private summary(helper: FnRef): Summary {
    const known = this.summaries.get(helper.fn);
    if (known === PENDING) this.partial++;
    if (known) return known;
    this.summaries.set(helper.fn, PENDING); // recursion ends here
    const summary: Summary = { verifies: this.helperVerifies(helper) };
    const flow = this.flow(helper.model);
    summary.privileged = this.points(helper.fn, helper.model).find((p) => !flow.guardedAt(p.node, helper.fn));
    this.summaries.set(helper.fn, summary);
    return summary;
  }

  /** 'throws' when the helper rejects by throwing (callers may rely on it), 'result' when it only hands a value back. */
  private helperVerifies(helper: FnRef): VerifyKind | undefined {
    const body = helper.fn.body;
    if (!body) return undefined;
    const strict = new Flow(helper.model, { verifier: this.verifier, throwOnly: true });
    if (ts.isBlock(body) ? strict.establishesAll(body.statements) : this.hasThrowingCall(body, helper.model)) return 'throws';
    return this.hasVerifierCall(body, helper.model) ? 'result' : undefined;
  }

  private hasThrowingCall(expr: ts.Node, model: FileModel): boolean {
    let found = false;
    forEachInline(expr, (n) => {
      if (!found && ts.isCallExpression(n) && this.verifier(n, model) === 'throws') found = true;
    });
    return found;
  }

  private hasVerifierCall(node: ts.Node, model: FileModel): boolean {
    let found = false;
    forEachInline(node, (n) => {
      if (!found && ts.isCallExpression(n) && this.verifier(n, model)) found = true;
    });
    return found;
  }
}

/** A function written in place as an argument (`items.map(async (x) => …)`): it runs as part of the caller. */
export function isInline(fn: ts.Node): boolean {
  let node = fn;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const p = node.parent;
  return (ts.isCallExpression(p) || ts.isNewExpression(p)) && (p.arguments?.includes(node as ts.Expression) ?? false);
}

function isAsync(fn: Fn): boolean {
  return ts.getModifiers(fn as ts.HasModifiers)?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword) ?? false;
}

/** Where a finding on a call sits: from the start of the chain to the end of the callee. */
export function callSpan(call: ts.CallExpression, sf: ts.SourceFile): Span {
  return { start: call.getStart(sf), end: call.expression.getEnd() };
}

/** `admin.from('notes').delete().eq('user_id', …)`: the whole call chain with short literal arguments. */
export function renderChain(call: ts.CallExpression, sf: ts.SourceFile): string {
  let top: ts.Expression = call;
  for (;;) {
    const p = top.parent;
    if (ts.isPropertyAccessExpression(p) && p.expression === top && ts.isCallExpression(p.parent) && p.parent.expression === p) top = p.parent;
    else break;
  }
  const text = render(top, sf);
  return text.length > 90 ? `${text.slice(0, 89)}…` : text;
}

function render(e: ts.Expression, sf: ts.SourceFile): string {
  const u = unwrap(e);
  if (ts.isCallExpression(u)) {
    const args = u.arguments.slice(0, 2).map(showArg);
    if (u.arguments.length > 2) args.push('…');
    return `${render(u.expression, sf)}(${args.join(', ')})`;
  }
  if (ts.isPropertyAccessExpression(u)) return `${render(u.expression, sf)}.${u.name.text}`;
  if (ts.isElementAccessExpression(u)) return `${render(u.expression, sf)}[${showArg(u.argumentExpression)}]`;
  if (ts.isIdentifier(u) || u.kind === ts.SyntaxKind.ThisKeyword) return u.getText(sf);
  return '…';
}

/** Short, name-like string literals only: table and collection names, never anything key-shaped. */
function showArg(arg: ts.Expression): string {
  if (!ts.isStringLiteralLike(arg)) return '…';
  const t = arg.text;
  if (!/^[\w\-./ ]{1,32}$/.test(t) || /^(sk|rk|pk|sb|eyJ|AIza|gh[pousr]_|xox|whsec)/i.test(t)) return '…';
  return `'${t}'`;
}
