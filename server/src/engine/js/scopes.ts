// Lexical scopes for one source file: which declaration an identifier refers to. Just enough of
// JavaScript's rules to tell an imported `supabase` from a local `const supabase = makeRepo(pool)`
// or a parameter that shadows it.

import ts from 'typescript';
import { clearAssigns, ScopeMemo, StatementScopes } from './scopeReuse';

export type Decl =
  /** typeOnly: `import type { T }` / `import { type T }`, a name that has no value at run time. */
  | { kind: 'import'; spec: string; name: string; typeOnly?: true }
  /**
   * A variable: its value is `init` followed by `path` (destructuring), or one of its later
   * assignments; `members` are assignments to its properties (`deps.db = …`), `type` its annotation.
   */
  | { kind: 'var'; init?: ts.Expression; path: string[]; assigns: ts.Expression[]; members: ts.BinaryExpression[]; type?: ts.TypeNode }
  | { kind: 'param'; fn: ts.SignatureDeclaration; index: number; path: string[] }
  /** A function declaration: calling it yields what it returns. */
  | { kind: 'function'; fn: ts.FunctionDeclaration }
  /** A class declaration: `new C()` is an instance whose members the class gives. */
  | { kind: 'class'; cls: ts.ClassDeclaration }
  /** Functions, classes, catch variables, array destructuring: values we do not follow. */
  | { kind: 'opaque' };

export interface Scope {
  parent?: Scope;
  /** Made on the first declaration: most blocks declare nothing, and a map per block is not free. */
  decls?: Map<string, Decl>;
}

const NO_DECLS: ReadonlyMap<string, Decl> = new Map();

/** Nodes other than functions that open a scope of their own. */
const BLOCK_SCOPES = new Set([
  ts.SyntaxKind.Block,
  ts.SyntaxKind.ForStatement,
  ts.SyntaxKind.ForInStatement,
  ts.SyntaxKind.ForOfStatement,
  ts.SyntaxKind.CaseBlock,
  ts.SyntaxKind.CatchClause,
  ts.SyntaxKind.ClassDeclaration,
  ts.SyntaxKind.ClassExpression,
]);

export class ScopeTable {
  private readonly scopes = new Map<ts.Node, Scope>();

  /**
   * onNode sees every non-token node in pre-order, so callers need not walk the tree again, with its
   * depth (the file's statements are at 1). After error recovery TypeScript may place one node in
   * two places (a statement both in a block and in the file), so a node's parent does not always say
   * where the walk is.
   */
  constructor(private readonly file: ts.SourceFile, private readonly onNode?: (node: ts.Node, depth: number) => void, private readonly memo?: ScopeMemo) {
    memo?.begin();
    this.fileScope = this.scopeFor(file, undefined);
    this.visit(file, this.fileScope);
  }

  private readonly fileScope: Scope;
  /** The record of the top-level statement being walked, when a memo keeps them (see scopeReuse.ts). */
  private recording?: StatementScopes;

  /** The declaration an identifier refers to, or undefined for a global (undeclared) name. */
  lookup(id: ts.Identifier): Decl | undefined {
    for (let scope = this.enclosingScope(id); scope; scope = scope.parent) {
      const decl = scope.decls?.get(id.text);
      if (decl) return decl;
    }
    return undefined;
  }

  /** The file's own (top-level) declarations. */
  topLevelDecls(): ReadonlyMap<string, Decl> {
    return this.scopes.get(this.file)?.decls ?? NO_DECLS;
  }

  /** Top-level declaration by name (for `export { a as b }`). */
  topLevel(name: string): Decl | undefined {
    return this.scopes.get(this.file)?.decls?.get(name);
  }

  private enclosingScope(node: ts.Node): Scope | undefined {
    for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
      const scope = this.scopes.get(n);
      if (scope) return scope;
    }
    return undefined;
  }

  private scopeFor(node: ts.Node, parent: Scope | undefined): Scope {
    const scope: Scope = { parent };
    this.scopes.set(node, scope);
    if (this.recording) {
      this.recording.scopes.push([node, scope]);
      if (parent === this.fileScope) this.recording.topScopes.push(scope);
    }
    return scope;
  }

  /** The nearest function or file scope, where `var` and function declarations live. */
  private functionScope(node: ts.Node): Scope {
    for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
      if (ts.isFunctionLike(n) || ts.isSourceFile(n)) {
        const scope = this.scopes.get(n);
        if (scope) return scope;
      }
    }
    return this.scopes.get(this.file)!;
  }

  /** The scope of the node being visited (kept in a field so the walk allocates no closures). */
  private current!: Scope;
  /** The node whose children are being visited: their parent (a tree may come without parents). */
  private currentNode!: ts.Node;
  private depth = 0;
  private readonly visitChild = (child: ts.Node): void => {
    (child as { parent: ts.Node }).parent = this.currentNode;
    this.visit(child, this.current);
  };

  private visit(node: ts.Node, scope: Scope): void {
    // Leaves and most expressions declare nothing: skip the tests below for them.
    if (node.kind <= ts.SyntaxKind.LastToken) return;
    if (this.memo && this.depth === 1) {
      const previous = this.memo.previous(node);
      if (previous) return this.takeOver(node, previous);
      this.recording = this.memo.start();
    }
    this.onNode?.(node, this.depth);
    this.recording?.nodes.push(node);
    let inner = scope;
    // Most nodes are expressions that declare nothing: one set lookup and a switch rule them out.
    if (ts.isFunctionLike(node)) {
      inner = this.scopeFor(node, scope);
      this.declareFunction(node, scope, inner);
    } else if (BLOCK_SCOPES.has(node.kind)) {
      inner = this.scopeFor(node, scope);
      if (ts.isCatchClause(node) && node.variableDeclaration) this.declareOpaque(node.variableDeclaration.name, inner);
      if (ts.isClassDeclaration(node) && node.name) this.declare(scope, node.name.text, { kind: 'class', cls: node });
    } else {
      switch (node.kind) {
        case ts.SyntaxKind.ImportDeclaration:
          this.declareImport(node as ts.ImportDeclaration, scope);
          break;
        case ts.SyntaxKind.ImportEqualsDeclaration:
          this.declareImportEquals(node as ts.ImportEqualsDeclaration, scope);
          break;
        case ts.SyntaxKind.VariableDeclaration:
          this.declareVariable(node as ts.VariableDeclaration, scope);
          break;
        case ts.SyntaxKind.BinaryExpression: {
          const binary = node as ts.BinaryExpression;
          if (binary.operatorToken.kind === ts.SyntaxKind.EqualsToken && (ts.isIdentifier(binary.left) || isPropertyOfName(binary.left))) {
            this.pendingAssignments.push(binary);
            this.recording?.assignments.push(binary);
          }
          break;
        }
      }
    }
    const outerNode = this.currentNode;
    this.current = inner;
    this.currentNode = node;
    this.depth++;
    ts.forEachChild(node, this.visitChild);
    this.depth--;
    this.current = scope;
    this.currentNode = outerNode;
    if (this.recording && this.depth === 1) {
      this.memo!.keep(node, this.recording);
      this.recording = undefined;
    }
    if (ts.isSourceFile(node)) this.resolveAssignments();
  }

  /** A statement the edit left alone: its scopes, declarations and assignments as recorded. */
  private takeOver(statement: ts.Node, recorded: StatementScopes): void {
    for (const [node, scope] of recorded.scopes) {
      this.scopes.set(node, scope);
      for (const decl of scope.decls?.values() ?? []) clearAssigns(decl);
    }
    for (const scope of recorded.topScopes) scope.parent = this.fileScope;
    for (const [name, decl] of recorded.fileDecls) {
      clearAssigns(decl);
      this.declare(this.fileScope, name, decl);
    }
    for (const assignment of recorded.assignments) this.pendingAssignments.push(assignment);
    const { onNode } = this;
    if (onNode) for (let i = 0; i < recorded.nodes.length; i++) onNode(recorded.nodes[i], i === 0 ? 1 : 2);
    this.memo!.kept(recorded);
  }

  private declare(scope: Scope, name: string, decl: Decl): void {
    (scope.decls ??= new Map()).set(name, decl);
    if (this.recording && scope === this.fileScope) this.recording.fileDecls.push([name, decl]);
  }

  private readonly pendingAssignments: ts.BinaryExpression[] = [];

  /**
   * `let client; … client = createClient()` — remembered so the variable still carries the binding;
   * `deps.db = createClient()` — so `deps.db` does.
   */
  private resolveAssignments(): void {
    for (const assignment of this.pendingAssignments) {
      const target = assignment.left;
      if (ts.isIdentifier(target)) {
        const decl = this.lookup(target);
        if (decl?.kind === 'var') decl.assigns.push(assignment.right);
      } else {
        const decl = this.lookup((target as ts.PropertyAccessExpression).expression as ts.Identifier);
        if (decl?.kind === 'var') decl.members.push(assignment);
      }
    }
  }

  private declareFunction(node: ts.SignatureDeclaration, outer: Scope, inner: Scope): void {
    if (ts.isFunctionDeclaration(node) && node.name) this.declare(this.functionScope(node), node.name.text, { kind: 'function', fn: node });
    else if (ts.isFunctionExpression(node) && node.name) this.declare(inner, node.name.text, { kind: 'opaque' });
    for (let index = 0; index < node.parameters.length; index++) this.declareParam(node.parameters[index].name, inner, node, index, []);
    void outer;
  }

  private declareImportEquals(node: ts.ImportEqualsDeclaration, scope: Scope): void {
    const ref = node.moduleReference;
    if (ts.isExternalModuleReference(ref) && ts.isStringLiteral(ref.expression)) {
      this.declare(scope, node.name.text, { kind: 'import', spec: ref.expression.text, name: '*' });
    } else this.declare(scope, node.name.text, { kind: 'opaque' });
  }

  private declareVariable(node: ts.VariableDeclaration, scope: Scope): void {
    const list = node.parent;
    const isVar = ts.isVariableDeclarationList(list) && !(list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const));
    const target = isVar ? this.functionScope(node) : scope;
    if (ts.isIdentifier(node.name)) this.declare(target, node.name.text, { kind: 'var', init: node.initializer, path: [], assigns: [], members: [], type: node.type });
    else this.declareBinding(node.name, target, node.initializer, []);
  }

  private declareParam(name: ts.BindingName, scope: Scope, fn: ts.SignatureDeclaration, index: number, path: string[]): void {
    if (ts.isIdentifier(name)) {
      this.declare(scope, name.text, { kind: 'param', fn, index, path });
    } else if (ts.isObjectBindingPattern(name)) {
      for (const element of name.elements) {
        const key = propertyNameOf(element);
        if (key === undefined || element.dotDotDotToken) this.declareOpaque(element.name, scope);
        else this.declareParam(element.name, scope, fn, index, [...path, key]);
      }
    } else this.declareOpaque(name, scope);
  }

  private declareImport(node: ts.ImportDeclaration, scope: Scope): void {
    if (!ts.isStringLiteral(node.moduleSpecifier) || !node.importClause) return;
    const spec = node.moduleSpecifier.text;
    const clause = node.importClause;
    if (clause.name) this.declare(scope, clause.name.text, typed({ kind: 'import', spec, name: 'default' }, clause.isTypeOnly));
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) {
      this.declare(scope, bindings.name.text, { kind: 'import', spec, name: '*' });
    } else if (bindings) {
      for (const element of bindings.elements) {
        const imported = (element.propertyName ?? element.name).text;
        this.declare(scope, element.name.text, typed({ kind: 'import', spec, name: imported }, clause.isTypeOnly || element.isTypeOnly));
      }
    }
  }

  private declareBinding(name: ts.BindingName, scope: Scope, init: ts.Expression | undefined, path: string[]): void {
    if (ts.isIdentifier(name)) {
      this.declare(scope, name.text, { kind: 'var', init, path, assigns: [], members: [] });
    } else if (ts.isObjectBindingPattern(name)) {
      for (const element of name.elements) {
        const key = propertyNameOf(element);
        if (key === undefined || element.dotDotDotToken) this.declareOpaque(element.name, scope);
        else this.declareBinding(element.name, scope, init, [...path, key]);
      }
    } else this.declareOpaque(name, scope);
  }

  private declareOpaque(name: ts.BindingName, scope: Scope): void {
    if (ts.isIdentifier(name)) this.declare(scope, name.text, { kind: 'opaque' });
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) this.declareOpaque(element.name, scope);
  }
}

function typed(decl: Decl & { kind: 'import' }, typeOnly: boolean): Decl {
  if (typeOnly) decl.typeOnly = true;
  return decl;
}

/** `name.property`, the target of an assignment to a variable's property. */
function isPropertyOfName(node: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && ts.isIdentifier(node.name);
}

function propertyNameOf(element: ts.BindingElement): string | undefined {
  const prop = element.propertyName ?? element.name;
  if (ts.isIdentifier(prop) || ts.isStringLiteral(prop)) return prop.text;
  return undefined;
}
