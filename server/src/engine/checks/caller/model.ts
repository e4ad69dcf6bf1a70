// The caller checks' view of a workspace: the files a rule applies to, parsed on demand, with the
// engine's binding facts resolved across files (the value layer lock-in rules use too) and the
// expressions behind them — which function a callee names and which expressions a variable or a
// class member holds, read through the same syntax the value layer reads (js/valueSources.ts) —
// because guards and the key a privileged client is built with are in the code, not in a reference.

import ts from 'typescript';
import type { JsFacts } from '../../js/facts';
import { parseWithoutParents } from '../../js/parse';
import { classMembers, classOfThis, MemberSource } from '../../js/receivers';
import { Decl, ScopeTable } from '../../js/scopes';
import { recallTree, rememberTree } from '../../js/treeCache';
import { constructorOf, heldValues, isThisMember, localFunction } from '../../js/valueSources';

export { isThisMember } from '../../js/valueSources';
import { CALL, DYNAMIC, Ref } from '../../refs';
import type { Resolver } from '../../workspace/resolve';
import type { CheckFile, LinkedView } from '../registry';
import { exportedExpression } from './exported';
import { instanceMethod } from './instances';
import { isFunctionExpr, unwrap } from './syntax';

export { forEachInline, hasModifier, isFunctionExpr, unwrap } from './syntax';

export type Fn = ts.FunctionLikeDeclaration;

/** A function found by name, with the file it lives in. */
export interface FnRef {
  model: FileModel;
  fn: Fn;
  name: string;
}

/** An expression a variable holds, with the file it lives in. */
export interface ValueRef {
  model: FileModel;
  expr: ts.Expression;
}

const WORKSPACE_KEY = 'caller:workspace';
/** anyFileText's answers by listing (LinkedView.files) and pattern. */
const textAnswers = new WeakMap<readonly CheckFile[], Map<RegExp, boolean>>();

export class CallerWorkspace {
  readonly resolver: Resolver;
  private readonly models = new Map<string, FileModel>();

  /** Reads other files through the engine's linked-check view, so it knows what the result depends on. */
  constructor(readonly view: LinkedView) {
    this.resolver = view.resolver;
  }

  /**
   * The workspace of the file being checked, shared by the caller checks that run on it: each
   * file's model (its site and caller indexes) is built once for all of them, not once per check.
   */
  static of(view: LinkedView): CallerWorkspace {
    let ws = view.run.get(WORKSPACE_KEY) as CallerWorkspace | undefined;
    if (!ws) view.run.set(WORKSPACE_KEY, (ws = new CallerWorkspace(view)));
    return ws;
  }

  /** The model of a JS/TS file of the workspace, or undefined. */
  model(file: string): FileModel | undefined {
    const cached = this.models.get(file);
    if (cached) return cached;
    const input = this.view.file(file);
    if (!input?.facts) return undefined;
    const model = new FileModel(this, input.file, input.text, input.facts);
    this.models.set(file, model);
    return model;
  }

  facts(file: string): JsFacts | undefined {
    return this.view.file(file)?.facts;
  }

  /** Every JS/TS file the rule applies to (the result then depends on all of them). */
  jsFiles(): CheckFile[] {
    return this.view.files().filter((f) => f.facts);
  }

  /** Does some file the rule applies to hold this text (the result then depends on all of them)? */
  anyFileText(re: RegExp): boolean {
    const files = this.view.files();
    // A listing stays the same array until a file changes: each file's checks asked it again.
    let answers = textAnswers.get(files);
    if (!answers) textAnswers.set(files, (answers = new Map()));
    let found = answers.get(re);
    if (found === undefined) answers.set(re, (found = files.some((f) => re.test(f.text))));
    return found;
  }

  /** A site's reference with workspace imports replaced by what the imported module exports. */
  resolve(file: string, ref: Ref): Ref | undefined {
    return this.resolver.resolve(file, ref);
  }
}

export class FileModel {
  readonly sourceFile: ts.SourceFile;
  readonly scopes: ScopeTable;
  private siteIndex?: Map<number | string, Ref>;
  private callersIndex?: Map<ts.Node, (ts.CallExpression | ts.NewExpression)[]>;
  private readonly classes = new Map<ts.ClassLikeDeclaration, Map<string, MemberSource[]>>();
  /** Every instance member of a class, by name (the value layer's reading: js/receivers.ts). */
  readonly membersOf = (cls: ts.ClassLikeDeclaration): Map<string, MemberSource[]> => {
    let members = this.classes.get(cls);
    if (!members) this.classes.set(cls, (members = classMembers(cls)));
    return members;
  };

  constructor(readonly ws: CallerWorkspace, readonly file: string, readonly text: string, readonly facts: JsFacts) {
    // The engine usually parsed this file a moment ago for its facts: reuse that tree.
    let tree = recallTree(file, text);
    if (!tree) {
      // The scope walk sets the nodes' parents: TypeScript's own pass for them would walk the tree twice.
      const sourceFile = parseWithoutParents(file, text);
      tree = { sourceFile, scopes: new ScopeTable(sourceFile) };
      rememberTree(file, text, tree);
    }
    this.sourceFile = tree.sourceFile;
    this.scopes = tree.scopes;
  }

  /** The resolved platform reference of exactly this node (a call, property access or `new`). */
  refAt(node: ts.Node): Ref | undefined {
    if (!this.siteIndex) {
      this.siteIndex = new Map();
      for (const site of this.facts.sites) {
        const ref = this.ws.resolve(this.file, site.ref);
        if (ref && ref.root.kind !== 'ws') this.siteIndex.set(spanKey(site.start, site.end), ref);
      }
    }
    return this.siteIndex.get(spanKey(node.getStart(this.sourceFile), node.getEnd()));
  }

  /** The call or access expression a fact site describes. */
  nodeAt(start: number, end: number): ts.Expression | undefined {
    let found: ts.Expression | undefined;
    const visit = (n: ts.Node): void => {
      if (found || n.getEnd() < end || n.getStart(this.sourceFile) > start) return;
      if (n.getStart(this.sourceFile) === start && n.getEnd() === end && (ts.isCallExpression(n) || ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n) || ts.isNewExpression(n))) {
        found = n;
        return;
      }
      ts.forEachChild(n, visit);
    };
    visit(this.sourceFile);
    return found;
  }

  /**
   * The platform reference of a call or access chain. The engine's facts are the one value layer
   * (js/evaluate.ts): class fields, wrapper methods, framework context and parameters of top-level
   * functions given a client by their callers (js/callSites.ts) arrive resolved through refAt. What
   * remains here is a parameter of a nested helper (`const archive = async (b44) => …` inside a
   * handler) called in this file with a platform value in that position.
   */
  refOf(node: ts.Expression, depth = 0): Ref | undefined {
    const direct = this.refAt(node);
    if (direct || depth > 2) return direct;
    const segments: string[] = [];
    let root: ts.Expression = node;
    for (;;) {
      if (ts.isCallExpression(root)) segments.unshift(CALL);
      else if (ts.isPropertyAccessExpression(root)) segments.unshift(root.name.text);
      else if (ts.isElementAccessExpression(root)) segments.unshift(ts.isStringLiteralLike(root.argumentExpression) ? root.argumentExpression.text : DYNAMIC);
      else if (!ts.isParenthesizedExpression(root) && !ts.isNonNullExpression(root)) break;
      root = (root as ts.CallExpression | ts.PropertyAccessExpression | ts.ElementAccessExpression | ts.ParenthesizedExpression).expression;
    }
    if (!ts.isIdentifier(root) || segments.length === 0) return undefined;
    for (const arg of this.argumentsFor(root)) {
      const base = this.valueRef(arg.expr, depth + 1);
      if (base) return { root: base.root, path: [...base.path, ...segments] };
    }
    return undefined;
  }

  /** For a helper's parameter, the arguments this file passes in that position. */
  argumentsFor(id: ts.Identifier): ValueRef[] {
    const decl = this.decl(id);
    return decl?.kind === 'param' && decl.path.length === 0 ? this.passedTo(decl.fn, decl.index) : [];
  }

  /** The arguments calls in this file pass a function (or `new C(…)` a constructor) in one position. */
  private passedTo(fn: ts.SignatureDeclaration, index: number): ValueRef[] {
    const out: ValueRef[] = [];
    for (const call of this.callersOf(fn)) {
      const arg = call.arguments?.[index];
      if (arg) out.push({ model: this, expr: arg });
    }
    return out;
  }

  /** The platform reference a value expression carries (a call, an access, or a variable holding one). */
  private valueRef(expr: ts.Expression, depth: number): Ref | undefined {
    const e = unwrap(expr);
    if (ts.isIdentifier(e)) {
      for (const v of this.valuesOf(e)) {
        const ref = v.model === this ? this.valueRef(v.expr, depth) : v.model.refAt(unwrap(v.expr));
        if (ref) return ref;
      }
      return undefined;
    }
    return ts.isCallExpression(e) || ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e) ? this.refOf(e, depth) : undefined;
  }

  /** Calls in this file of a function declared in it, and `new C(…)` of its classes (its constructor's callers). */
  private callersOf(fn: ts.SignatureDeclaration): (ts.CallExpression | ts.NewExpression)[] {
    if (!this.callersIndex) {
      const index = new Map<ts.Node, (ts.CallExpression | ts.NewExpression)[]>();
      const add = (target: ts.Node, call: ts.CallExpression | ts.NewExpression) => {
        index.set(target, [...(index.get(target) ?? []), call]);
      };
      const visit = (n: ts.Node): void => {
        if (ts.isCallExpression(n)) {
          // Only this file's functions are indexed: no other file is read for it.
          const callee = unwrap(n.expression);
          const target = isFunctionExpr(callee) ? callee : localFunction(callee, this.scopes, this.membersOf);
          if (target) add(target, n);
        } else if (ts.isNewExpression(n) && ts.isIdentifier(n.expression)) {
          const decl = this.decl(n.expression);
          const made = decl?.kind === 'class' ? constructorOf(decl.cls) : undefined;
          if (made) add(made, n);
        }
        ts.forEachChild(n, visit);
      };
      visit(this.sourceFile);
      this.callersIndex = index;
    }
    return this.callersIndex.get(fn) ?? [];
  }

  decl(id: ts.Identifier): Decl | undefined {
    return this.scopes.lookup(id);
  }

  /** Is this identifier a global (no declaration in scope), e.g. `Deno` or `crypto`? */
  isGlobal(id: ts.Identifier): boolean {
    return this.scopes.lookup(id) === undefined;
  }

  /** The module an identifier was imported from (raw specifier), if it is an import. */
  importOf(id: ts.Identifier): { spec: string; name: string } | undefined {
    const decl = this.decl(id);
    return decl?.kind === 'import' ? { spec: decl.spec, name: decl.name } : undefined;
  }

  /**
   * The function a callee names: `helper(…)`, `shared.helper(…)`, an imported `helper`, or a method of
   * a class instance (`this.purge(…)`, `repo.purge(…)` on `new Repo()`, an injected service's method).
   */
  functionFor(callee: ts.Expression, depth = 0): FnRef | undefined {
    if (depth > 4) return undefined;
    const e = unwrap(callee);
    if (isFunctionExpr(e)) return { model: this, fn: e, name: 'function' };
    if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression)) {
      const ns = this.importOf(e.expression);
      if (ns?.name === '*') return this.importedFunction(ns.spec, e.name.text, depth);
    }
    const local = localFunction(e, this.scopes, this.membersOf);
    const name = ts.isPropertyAccessExpression(e) ? e.name.text : e.getText(this.sourceFile);
    if (local) return { model: this, fn: local, name };
    if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.name)) return instanceMethod(this, e);
    if (!ts.isIdentifier(e)) return undefined;
    const decl = this.decl(e);
    if (decl?.kind === 'import') return this.importedFunction(decl.spec, decl.name, depth);
    // `const run = imported`: the function of the name it holds.
    const held = decl?.kind === 'var' && decl.path.length === 0 && decl.init ? unwrap(decl.init) : undefined;
    return held && ts.isIdentifier(held) ? this.functionFor(held, depth + 1) : undefined;
  }

  /**
   * The expressions a variable may hold (its initializer and later plain assignments), an imported
   * export, or a class member behind `this.x` (its field initializer, `this.x = …` in the class, or
   * what `new C(…)` passes a parameter property).
   */
  valuesOf(node: ts.Identifier | ts.PropertyAccessExpression, depth = 0): ValueRef[] {
    if (depth > 4) return [];
    if (ts.isPropertyAccessExpression(node)) return this.memberValues(node);
    const decl = this.decl(node);
    if (decl?.kind === 'var' && decl.path.length === 0) return heldValues(decl).map((expr) => ({ model: this, expr }));
    if (decl?.kind === 'import') {
      const target = this.importTarget(decl.spec);
      const value = target?.exportedValue(decl.name);
      if (value && ts.isIdentifier(unwrap(value.expr)) && value.model === target) {
        return target.valuesOf(unwrap(value.expr) as ts.Identifier, depth + 1);
      }
      return value ? [value] : [];
    }
    return [];
  }

  private memberValues(access: ts.PropertyAccessExpression): ValueRef[] {
    const cls = isThisMember(access) ? classOfThis(access) : undefined;
    const out: ValueRef[] = [];
    for (const source of (cls && this.membersOf(cls).get(access.name.text)) ?? []) {
      if (source.kind === 'value') out.push({ model: this, expr: source.expression });
      else if (source.kind === 'param') out.push(...this.passedTo(source.fn, source.index));
    }
    return out;
  }

  /** The workspace file an import specifier names, when it is one of the rule's files. */
  importTarget(spec: string): FileModel | undefined {
    const file = this.ws.resolver.resolveFile(this.file, spec);
    return file ? this.ws.model(file) : undefined;
  }

  private importedFunction(spec: string, name: string, depth: number): FnRef | undefined {
    const target = this.importTarget(spec);
    const value = target?.exportedValue(name);
    if (!target || !value) return undefined;
    const e = unwrap(value.expr);
    if (isFunctionExpr(e)) return { model: target, fn: e, name };
    return ts.isIdentifier(e) ? target.functionFor(e, depth + 1) : undefined;
  }

  /** What a module exports under a name: a function (as its node) or a variable's initializer. */
  exportedValue(name: string, depth = 0): ValueRef | undefined {
    return exportedExpression(this, name, depth);
  }

  line(node: ts.Node): number {
    return this.sourceFile.getLineAndCharacterOfPosition(node.getStart(this.sourceFile)).line + 1;
  }
}

/** A span as one number (no string made per lookup: refAt is asked about every call of a file). */
function spanKey(start: number, end: number): number | string {
  return end < 2 ** 26 ? start * 2 ** 26 + end : `${start}:${end}`;
}
