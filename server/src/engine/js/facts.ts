// Per-file facts for JavaScript/TypeScript: imports, exports and every expression whose value comes
// from a platform binding. Facts depend only on the file's text and the scan context, so they can be
// cached by content hash; cross-file resolution happens later in the workspace index.

import ts from 'typescript';
import { normalizeSpecifier } from '../modules';
import { CALL, classMemberExport, extend, RETURNS, type Ref } from '../refs';
import { passedArgs } from './callSites';
import { Evaluator } from './evaluate';
import type { FactContext, JsFacts, Site } from './factTypes';
import { contextWrite, ENV_TYPE_NAMES, pageDataWrites } from './frameworkContext';
import { localTypeDeclarations } from './receivers';
import { parseSource, reparseSource, scriptKindFor } from './parse';
import { finish } from '../util/steps';
import type { ContextWrite, FactMemo, StatementFacts } from './reuse';
import { ScopeTable } from './scopes';
import { hasExportModifier, isChained, literalArgs } from './syntax';

// Parsing lives in parse.ts, the facts' shape in factTypes.ts: re-exported for the modules that take them here.
export { parseSource, reparseSource, scriptKindFor };
export type { FactContext, ImportFact, JsFacts, Site } from './factTypes';

export function collectJsFacts(sourceFile: ts.SourceFile, ctx: FactContext): JsFacts {
  return collectJsFactsAndScopes(sourceFile, ctx).facts;
}

/**
 * Facts and the scope table in one walk of the tree: the scope walk hands every node to the
 * collector, which evaluates the interesting ones once all declarations are known (hoisting).
 */
export function collectJsFactsAndScopes(
  sourceFile: ts.SourceFile,
  ctx: FactContext,
  memo?: FactMemo,
): { facts: JsFacts; scopes: ScopeTable } {
  return finish(factSteps(sourceFile, ctx, memo));
}

/**
 * The same in steps, the scope walk and the collector's (see util/steps.ts). `walked` hears of the
 * scope table as soon as it is made, for a caller that may stop the steps before their end.
 */
export function* factSteps(
  sourceFile: ts.SourceFile,
  ctx: FactContext,
  memo?: FactMemo,
  walked?: (scopes: ScopeTable) => void,
): Generator<void, { facts: JsFacts; scopes: ScopeTable }, void> {
  const noted: Noted = { nodes: [], statements: [] };
  let statement = -1;
  const scopes = new ScopeTable(
    sourceFile,
    (node, depth) => {
      if (depth === 1) statement++;
      if (!INTERESTING.has(node.kind)) return;
      noted.nodes.push(node);
      noted.statements.push(statement);
    },
    memo?.scopes,
  );
  walked?.(scopes);
  yield;
  const facts = yield* new FactCollector(sourceFile, ctx, scopes).runSteps(noted, memo);
  return { facts, scopes };
}

/**
 * Statements the collector takes between two pauses: a 5,000-statement file pauses about twenty
 * times, so a request waits for a few milliseconds of it, not for the whole pass.
 */
const STATEMENTS_PER_STEP = 250;

/**
 * The nodes the collector looks at, with the index of the top-level statement each sits in (two
 * lists, not an object per node: a 5,000-line file notes some 25,000 nodes at every keystroke).
 */
interface Noted {
  nodes: ts.Node[];
  statements: number[];
}

const INTERESTING = new Set([
  ts.SyntaxKind.CallExpression,
  ts.SyntaxKind.PropertyAccessExpression,
  ts.SyntaxKind.ElementAccessExpression,
  ts.SyntaxKind.NewExpression,
  ts.SyntaxKind.TaggedTemplateExpression,
  ts.SyntaxKind.ExpressionWithTypeArguments,
  ts.SyntaxKind.ReturnStatement,
  ts.SyntaxKind.BinaryExpression,
  ts.SyntaxKind.JsxOpeningElement,
  ts.SyntaxKind.JsxSelfClosingElement,
]);

/** Gathers a file's facts; what an expression evaluates to is the Evaluator's part. */
class FactCollector extends Evaluator {
  private readonly exportedFunctions: ts.FunctionDeclaration[] = [];
  private readonly exportedClasses: [string, ts.ClassDeclaration][] = [];
  private readonly facts: JsFacts = { imports: [], sites: [], exports: {}, starExports: [] };

  /**
   * Collects facts from the nodes the scope walk noted, in source order. With a memo (an open
   * document), statements an edit left alone take over their sites and `require` imports from the
   * previous parse (see reuse.ts); returns and exports are still gathered from every statement.
   */
  *runSteps({ nodes, statements: noted }: Noted, memo?: FactMemo): Generator<void, JsFacts, void> {
    const reuse = memo?.plan(this.file, this.scopes, this.ctx);
    let reused: ReturnType<NonNullable<typeof reuse>>;
    const visit = (node: ts.Node): void => {
      switch (node.kind) {
        case ts.SyntaxKind.CallExpression:
          if (reused) break;
          this.noteContextWrite(node);
          this.noteCallArgs(node as ts.CallExpression);
          this.collectImport(node);
          this.collectSite(node);
          break;
        case ts.SyntaxKind.NewExpression:
          if (reused) break;
          this.noteCallArgs(node as ts.NewExpression);
          this.collectSite(node);
          break;
        case ts.SyntaxKind.PropertyAccessExpression:
        case ts.SyntaxKind.ElementAccessExpression:
        case ts.SyntaxKind.TaggedTemplateExpression:
        case ts.SyntaxKind.ExpressionWithTypeArguments:
          if (!reused) this.collectSite(node);
          break;
        case ts.SyntaxKind.JsxOpeningElement:
        case ts.SyntaxKind.JsxSelfClosingElement:
          if (!reused) this.collectElement(node as ts.JsxOpeningElement | ts.JsxSelfClosingElement);
          break;
        case ts.SyntaxKind.ReturnStatement:
          if ((node as ts.ReturnStatement).expression) this.noteReturn(node as ts.ReturnStatement);
          break;
        case ts.SyntaxKind.BinaryExpression:
          this.collectExport(node); // `module.exports = …` / `exports.x = …`, wherever they are
          if (!reused) this.noteContextWrite(node);
          break;
      }
    };
    // Imports and exports are statements of the file itself. An exported variable statement an edit
    // left alone exports what it did before (its value is evaluated again only when tainted).
    const statements = this.file.statements;
    const reusedAt = statements.map((_, index) => reuse?.(index));
    const exportsAt: ([string, Ref | null][] | undefined)[] = [];
    for (let index = 0; index < statements.length; index++) {
      if (index > 0 && index % STATEMENTS_PER_STEP === 0) yield;
      const statement = statements[index];
      this.collectImport(statement);
      if (!ts.isVariableStatement(statement) || !hasExportModifier(statement)) {
        this.collectExport(statement);
        continue;
      }
      const exported = reusedAt[index]?.exports ?? this.variableExports(statement);
      for (const [name, ref] of exported) this.setExport(name, ref);
      exportsAt[index] = exported;
    }
    // Noted nodes come statement by statement (the walk is in source order).
    let next = 0;
    for (let index = 0; index < statements.length; index++) {
      if (index % STATEMENTS_PER_STEP === 0) yield;
      const statement = statements[index];
      reused = reusedAt[index];
      const from = this.marks();
      for (; next < noted.length && noted[next] === index; next++) visit(nodes[next]);
      if (reused) this.takeOver(reused);
      // A statement taken over added what it did before: recorded as it is, not sliced again.
      memo?.record(statement, reused ?? { ...this.since(from), exports: exportsAt[index] });
    }
    reused = undefined;
    memo?.commit(); // no pause from here on: the run's records stand
    for (; next < noted.length; next++) visit(nodes[next]); // none expected: every node sits in a statement
    this.walked = true;
    this.collectContext();
    for (const fn of this.exportedFunctions) {
      const isDefault = fn.modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
      this.setExport(isDefault ? 'default' : fn.name!.text, this.functionRef(fn));
    }
    for (const [name, cls] of this.exportedClasses) this.exportMembers(name, cls);
    const diagnostics = (this.file as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics;
    if (diagnostics && diagnostics.length > 0) {
      const first = diagnostics[0];
      const line = this.file.getLineAndCharacterOfPosition(first.start).line + 1;
      this.facts.syntaxError = { line, message: ts.flattenDiagnosticMessageText(first.messageText, ' ') };
    }
    return this.facts;
  }

  private readonly contextWrites: ContextWrite[] = [];

  /** Where the per-statement lists stand (see since). */
  private marks(): number[] {
    const { sites, imports, args } = this.facts;
    return [sites.length, imports.length, args?.length ?? 0, this.contextWrites.length];
  }

  /** What one statement added to the per-statement lists since `marks()`, for the next edit (reuse.ts). */
  private since([sites, imports, args, writes]: number[]): StatementFacts {
    return {
      sites: this.facts.sites.slice(sites),
      imports: this.facts.imports.slice(imports),
      args: this.facts.args?.slice(args) ?? [],
      contextWrites: this.contextWrites.slice(writes),
    };
  }

  /** A statement the edit left alone: what it added last time, in the same order. */
  private takeOver(reused: StatementFacts): void {
    for (const site of reused.sites) this.facts.sites.push(site); // no spread: a statement can hold thousands
    for (const fact of reused.imports) this.facts.imports.push(fact);
    for (const arg of reused.args) (this.facts.args ??= []).push(arg);
    for (const write of reused.contextWrites) this.contextWrites.push(write);
  }

  /** The platform values a call hands to a function other code may declare parameters for (see callSites.ts). */
  private noteCallArgs(node: ts.CallExpression | ts.NewExpression): void {
    const target = node.arguments?.length ? this.callTarget(node.expression) : undefined;
    if (!target) return;
    for (const arg of passedArgs(target, node.arguments!, (e) => this.evaluate(e))) (this.facts.args ??= []).push(arg);
  }

  private noteContextWrite(node: ts.Node): void {
    const write = contextWrite(node);
    if (write) this.contextWrites.push(write);
  }

  /** What the file hands to a framework's context: written values, and `App.Locals` members typed with an SDK type. */
  private collectContext(): void {
    const context: Record<string, Ref> = {};
    for (const { key, value } of [...this.contextWrites, ...pageDataWrites(this.file)]) {
      const ref = key in context ? null : this.evaluate(value);
      if (ref) context[key] = ref;
    }
    const types = localTypeDeclarations(this.file);
    const typed: [string, ts.TypeElement][] = [];
    for (const decl of types.get('App.Locals') ?? [])
      if (ts.isInterfaceDeclaration(decl)) for (const m of decl.members) typed.push(['locals', m]);
    for (const name of ENV_TYPE_NAMES) {
      for (const decl of types.get(name) ?? []) {
        const members = ts.isInterfaceDeclaration(decl)
          ? decl.members
          : ts.isTypeLiteralNode(decl.type)
            ? decl.type.members
            : [];
        for (const m of members) typed.push(['env', m]);
      }
    }
    for (const [carrier, member] of typed) {
      if (!ts.isPropertySignature(member) || !member.type || !ts.isIdentifier(member.name)) continue;
      const ref = this.typeRef(member.type);
      if (ref && !(`${carrier}.${member.name.text}` in context)) context[`${carrier}.${member.name.text}`] = ref;
    }
    if (Object.keys(context).length > 0) this.facts.context = context;
  }

  private collectSite(node: ts.Node): void {
    const isAccess = ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node);
    const isCall = ts.isCallExpression(node) || ts.isNewExpression(node) || ts.isTaggedTemplateExpression(node);
    const isHeritage = ts.isExpressionWithTypeArguments(node) && ts.isHeritageClause(node.parent);
    if (!isAccess && !isCall && !isHeritage) return;
    const ref = this.evaluate(
      isHeritage ? (node as ts.ExpressionWithTypeArguments).expression : (node as ts.Expression),
    );
    if (!ref) return;
    const site: Site = { ref, start: node.getStart(this.file), end: node.getEnd() };
    if (isCall && !ts.isTaggedTemplateExpression(node)) site.args = literalArgs((node as ts.CallExpression).arguments);
    if (ts.isCallExpression(node) && this.evaluate(node.expression)?.path.at(-1) === RETURNS) site.factory = true;
    if (isChained(node)) site.chained = true;
    this.facts.sites.push(site);
  }

  /**
   * `<StorageManager …/>` renders a component: a call of it, so `module#Component()` patterns see it.
   * Lower-case tags are the DOM's own elements.
   */
  private collectElement(node: ts.JsxOpeningElement | ts.JsxSelfClosingElement): void {
    const tag = node.tagName;
    const named = ts.isIdentifier(tag) ? /^[A-Z]/.test(tag.text) : ts.isPropertyAccessExpression(tag);
    const ref = named ? this.evaluate(tag as ts.Expression) : null;
    if (ref) this.facts.sites.push({ ref: extend(ref, CALL), start: tag.getStart(this.file), end: tag.getEnd() });
  }

  private addImport(spec: string, node: ts.Node): void {
    const mapped = this.ctx.mapSpecifier(spec, this.file.fileName);
    if (mapped)
      return void this.facts.imports.push({
        module: mapped,
        workspace: false,
        start: node.getStart(this.file),
        end: node.getEnd(),
      });
    const workspace = this.ctx.isWorkspaceSpec(spec);
    const module = workspace ? spec : normalizeSpecifier(spec);
    this.facts.imports.push({ module, workspace, start: node.getStart(this.file), end: node.getEnd() });
  }

  private collectImport(node: ts.Node): void {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      this.addImport(node.moduleSpecifier.text, node);
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      this.addImport(node.moduleReference.expression.text, node);
    } else if (ts.isCallExpression(node)) {
      const spec = this.requiredSpecifier(node);
      if (spec !== undefined) this.addImport(spec, node);
    }
  }

  /** The names an exported variable statement exports, with their values (null: no platform value). */
  private variableExports(node: ts.VariableStatement): [string, Ref | null][] {
    const out: [string, Ref | null][] = [];
    for (const decl of node.declarationList.declarations) {
      if (ts.isIdentifier(decl.name)) out.push([decl.name.text, this.evaluate(decl.name)]);
    }
    return out;
  }

  private collectExport(node: ts.Node): void {
    if (ts.isVariableStatement(node) && hasExportModifier(node)) {
      for (const [name, ref] of this.variableExports(node)) this.setExport(name, ref);
    } else if (ts.isFunctionDeclaration(node) && node.name && hasExportModifier(node)) {
      this.exportedFunctions.push(node); // after the walk, when every return statement is known
    } else if (ts.isClassDeclaration(node) && hasExportModifier(node)) {
      const isDefault = node.modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
      if (isDefault || node.name) this.exportedClasses.push([isDefault ? 'default' : node.name!.text, node]);
    } else if (ts.isExportAssignment(node)) {
      this.setExport('default', this.evaluate(node.expression));
      const decl = ts.isIdentifier(node.expression) ? this.scopes.lookup(node.expression) : undefined;
      if (decl?.kind === 'class') this.exportedClasses.push(['default', decl.cls]);
    } else if (ts.isExportDeclaration(node) && node.exportClause && ts.isNamedExports(node.exportClause)) {
      for (const element of node.exportClause.elements) {
        const local = (element.propertyName ?? element.name).text;
        this.setExport(element.name.text, this.exportSource(node, local));
        const decl = node.moduleSpecifier ? undefined : this.scopes.topLevel(local);
        if (decl?.kind === 'class') this.exportedClasses.push([element.name.text, decl.cls]);
      }
    } else if (
      ts.isExportDeclaration(node) &&
      !node.exportClause &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      if (this.ctx.isWorkspaceSpec(node.moduleSpecifier.text)) this.facts.starExports.push(node.moduleSpecifier.text);
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      this.collectCommonJsExport(node);
    }
  }

  private exportSource(node: ts.ExportDeclaration, local: string): Ref | null {
    if (node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      return this.importRef({ spec: node.moduleSpecifier.text, name: local });
    }
    const decl = this.scopes.topLevel(local);
    return decl ? this.declRef(decl) : null;
  }

  /** `module.exports = { base44 }`, `module.exports.x = …`, `exports.x = …`. */
  private collectCommonJsExport(node: ts.BinaryExpression): void {
    const target = node.left.getText(this.file);
    if (target === 'module.exports') {
      this.setExport('default', this.evaluate(node.right));
      if (ts.isObjectLiteralExpression(node.right)) {
        for (const prop of node.right.properties) {
          if (ts.isShorthandPropertyAssignment(prop)) this.setExport(prop.name.text, this.evaluate(prop.name));
          else if (ts.isPropertyAssignment(prop) && ts.isIdentifier(prop.name))
            this.setExport(prop.name.text, this.evaluate(prop.initializer));
        }
      }
      return;
    }
    const m = /^(?:module\.)?exports\.([A-Za-z_$][\w$]*)$/.exec(target);
    if (m) this.setExport(m[1], this.evaluate(node.right));
  }

  /**
   * An exported class's members that hold platform values, as `Class#member` (what `this.member`
   * is inside it): another file's `new Class().member` or a parameter typed `Class` reads them.
   */
  private exportMembers(name: string, cls: ts.ClassDeclaration): void {
    for (const member of this.membersOf(cls).keys()) {
      if (!member.startsWith('#')) this.setExport(classMemberExport(name, member), this.memberOfClass(cls, member));
    }
  }

  private setExport(name: string, ref: Ref | null): void {
    if (ref) this.facts.exports[name] = ref;
  }
}
