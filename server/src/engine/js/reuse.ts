// Facts of an edited document's unchanged statements, taken over from the previous parse. An
// incremental re-parse keeps the statements the edit did not touch (the same node objects, moved);
// their sites are the same unless what they refer to changed. A statement's sites depend on the
// file's top-level bindings (imports, variables, functions) and on nothing else outside it, so a
// statement is taken over unless it mentions a top-level name whose value may have changed: one
// declared, assigned or removed by a changed statement, or whose value mentions such a name in turn.
// A test compares the result with a fresh parse after thousands of random edits.

import ts from 'typescript';
import type { CallArg } from './callSites';
import type { FactContext, ImportFact, Site } from './facts';
import type { Ref } from '../refs';
import { escapeRegExp } from '../util/regexp';
import { ScopeMemo } from './scopeReuse';
import type { Decl, ScopeTable } from './scopes';

/** A value written into a framework's context (`locals.supabase = …`), see frameworkContext.ts. */
export interface ContextWrite {
  key: string;
  value: ts.Expression;
}

/** What one top-level statement contributes to the file's facts. */
export interface StatementFacts {
  sites: Site[];
  imports: ImportFact[];
  /** Platform values passed to functions (no positions: taken over as they are). */
  args: CallArg[];
  /** Nodes of the statement itself, which a re-parse that keeps the statement keeps too. */
  contextWrites: ContextWrite[];
  /** What an exported variable statement exports (names and values carry no positions). */
  exports?: [string, Ref | null][];
}

interface Recorded extends StatementFacts {
  /** The run that recorded them: only the previous run's records are taken over (see plan). */
  run: number;
  /** The statement's position when recorded; sites and imports are stored relative to it. */
  at: number;
}

/** More top-level names changed than this and no statement's facts are taken over (see plan). */
const MAX_CHANGED_NAMES = 64;

/** What a top-level name's value depends on: its kind and the nodes (or specifier) giving its value. */
type Signature = unknown[];

export class FactMemo {
  /** The scopes' own memo: they are taken over on their own terms (see scopeReuse.ts). */
  readonly scopes = new ScopeMemo();
  private readonly byStatement = new WeakMap<ts.Statement, Recorded>();
  private previousTopLevel = new Map<string, Signature>();
  private ctx?: FactContext;
  /** The last run that finished (see commit). */
  private run = 0;
  /** A run under way: its records and top-level names count once it finishes. */
  private staged?: {
    /** The top-level names' signatures afresh, or what changed since the last run. */
    topLevel: Map<string, Signature> | [string, Signature | undefined][];
    ctx: FactContext;
    records: [ts.Statement, Recorded][];
  };

  /**
   * Which statements of this (re-parsed) file can take over their recorded facts, compared with the
   * last run that finished. A run stopped half-way (a newer text arrived) counts as not having run.
   */
  plan(file: ts.SourceFile, scopes: ScopeTable, ctx: FactContext): (index: number) => Recorded | undefined {
    const previousRun = this.run;
    const decls = scopes.topLevelDecls();
    // Another context (new aliases or rules) evaluates differently: nothing is taken over.
    const usable = this.ctx === ctx;
    const changes = usable ? changedNames(this.previousTopLevel, decls) : undefined;
    const topLevel = changes ?? new Map([...decls].map(([name, decl]) => [name, signatureOf(decl)]));
    this.staged = { topLevel, ctx, records: [] };
    const changed = changes && new Set(changes.map(([name]) => name));
    // Past a few dozen changed names (a formatter's pass, a paste over much of the file) little is left
    // to take over, and finding what is costs more than walking the statements again.
    if (!changed || changed.size > MAX_CHANGED_NAMES) return () => undefined;
    const tainted = taintedStatements(file, scopes, changed);
    return (index) => {
      const statement = file.statements[index];
      // A statement recorded earlier may have been nested in between (an edit can wrap statements in
      // a function and another unwrap them again, the same nodes throughout): the previous run's
      // records are the only ones made in the top-level context compared above.
      const recorded = tainted.has(index) ? undefined : this.byStatement.get(statement);
      return recorded?.run === previousRun ? moved(recorded, statement.pos) : undefined;
    };
  }

  /** Records a statement's facts (positions as they are now) for the next edit, once the run finishes. */
  record(statement: ts.Statement, facts: StatementFacts): void {
    this.staged?.records.push([statement, { ...facts, run: this.run + 1, at: statement.pos }]);
  }

  /** The run finished: its records and top-level names are what the next edit is compared with. */
  commit(): void {
    if (!this.staged) return;
    for (const [statement, recorded] of this.staged.records) this.byStatement.set(statement, recorded);
    const { topLevel } = this.staged;
    if (topLevel instanceof Map) this.previousTopLevel = topLevel;
    else
      for (const [name, signature] of topLevel)
        if (signature) this.previousTopLevel.set(name, signature);
        else this.previousTopLevel.delete(name);
    this.ctx = this.staged.ctx;
    this.run++;
    this.staged = undefined;
  }
}

function moved(recorded: Recorded, at: number): Recorded {
  const delta = at - recorded.at;
  if (delta === 0) return recorded;
  return {
    ...recorded,
    at,
    sites: recorded.sites.map((s) => ({ ...s, start: s.start + delta, end: s.end + delta })),
    imports: recorded.imports.map((i) => ({ ...i, start: i.start + delta, end: i.end + delta })),
  };
}

function signatureOf(decl: Decl): Signature {
  switch (decl.kind) {
    case 'import': return ['import', decl.spec, decl.name, decl.typeOnly];
    case 'var': return ['var', decl.init, decl.path.join('.'), decl.type, ...decl.assigns, '=', ...decl.members];
    case 'param': return ['param', decl.fn, decl.index, decl.path.join('.')];
    case 'function': return ['function', decl.fn];
    case 'class': return ['class', decl.cls];
    case 'opaque': return ['opaque'];
  }
}

/**
 * Names added, removed, or bound to other nodes than before (nodes of a changed statement are new),
 * each with its signature now (none: removed). Compared in place: 5,000 names at every keystroke.
 */
function changedNames(before: Map<string, Signature>, after: ReadonlyMap<string, Decl>): [string, Signature | undefined][] {
  const out: [string, Signature | undefined][] = [];
  let kept = 0;
  for (const [name, decl] of after) {
    const old = before.get(name);
    if (old) kept++;
    if (!old || !sameSignature(old, decl)) out.push([name, signatureOf(decl)]);
  }
  if (kept < before.size) for (const name of before.keys()) if (!after.has(name)) out.push([name, undefined]);
  return out;
}

/** Is `signatureOf(decl)` the same as `old`, part by part (without making it)? */
function sameSignature(old: Signature, decl: Decl): boolean {
  if (old[0] !== decl.kind) return false;
  switch (decl.kind) {
    case 'import':
      return old.length === 4 && old[1] === decl.spec && old[2] === decl.name && old[3] === decl.typeOnly;
    case 'var': {
      const { assigns, members } = decl;
      if (old.length !== 5 + assigns.length + members.length) return false;
      if (old[1] !== decl.init || old[3] !== decl.type || old[4 + assigns.length] !== '=') return false;
      if (old[2] !== (decl.path.length === 0 ? '' : decl.path.join('.'))) return false;
      for (let i = 0; i < assigns.length; i++) if (old[4 + i] !== assigns[i]) return false;
      for (let i = 0; i < members.length; i++) if (old[5 + assigns.length + i] !== members[i]) return false;
      return true;
    }
    case 'param':
      return old.length === 4 && old[1] === decl.fn && old[2] === decl.index && old[3] === decl.path.join('.');
    case 'function':
      return old.length === 2 && old[1] === decl.fn;
    case 'class':
      return old.length === 2 && old[1] === decl.cls;
    case 'opaque':
      return old.length === 1;
  }
}

/**
 * Statements that mention a changed name. A top-level value given in such a statement (an initialiser
 * or assignment) may now differ too, so its name counts as changed as well, until nothing new turns up.
 */
function taintedStatements(file: ts.SourceFile, scopes: ScopeTable, changed: Set<string>): Set<number> {
  const tainted = new Set<number>();
  if (changed.size === 0) return tainted;
  const namesValuedIn = namesValuedInStatements(file, scopes);
  let fresh = [...changed];
  while (fresh.length > 0) {
    // One pass over the whole text, not a slice per statement (5,000 of them at every keystroke).
    const mentions = new RegExp(`(?<![\\w$])(?:${fresh.map(escapeRegExp).join('|')})(?![\\w$])`, 'g');
    fresh = [];
    for (const mention of file.text.matchAll(mentions)) {
      const index = statementIndexAt(file, mention.index!);
      const statement = file.statements[index];
      if (!statement || mention.index! >= statement.end || tainted.has(index)) continue;
      tainted.add(index);
      for (const name of namesValuedIn(index)) {
        if (changed.has(name)) continue;
        changed.add(name);
        fresh.push(name);
      }
    }
  }
  return tainted;
}

/**
 * The top-level names a statement gives a value to (its initialisers, assignments, functions and
 * classes). An edit usually taints one statement or two: each is answered by one pass over the
 * names, without a map of every statement's (5,000 lists at every keystroke); past a few, the map.
 */
function namesValuedInStatements(file: ts.SourceFile, scopes: ScopeTable): (index: number) => string[] {
  let all: Map<number, string[]> | undefined;
  let asked = 0;
  return (index) => {
    if (!all && ++asked <= 4) return namesValuedAt(file, scopes, index);
    return (all ??= namesByStatement(file, scopes)).get(index) ?? [];
  };
}

function namesValuedAt(file: ts.SourceFile, scopes: ScopeTable, index: number): string[] {
  const { statements } = file;
  const from = index === 0 ? -Infinity : statements[index].pos;
  const to = index === statements.length - 1 ? Infinity : statements[index + 1].pos;
  const names: string[] = [];
  for (const [name, decl] of scopes.topLevelDecls())
    forEachValueNode(decl, (node) => {
      if (node.pos >= from && node.pos < to) names.push(name);
    });
  return names;
}

function namesByStatement(file: ts.SourceFile, scopes: ScopeTable): Map<number, string[]> {
  const names = new Map<number, string[]>();
  for (const [name, decl] of scopes.topLevelDecls()) {
    forEachValueNode(decl, (node) => {
      const index = statementIndexAt(file, node.pos);
      const list = names.get(index);
      if (list) list.push(name);
      else names.set(index, [name]);
    });
  }
  return names;
}

function forEachValueNode(decl: Decl, visit: (node: ts.Node) => void): void {
  if (decl.kind === 'var') {
    if (decl.init) visit(decl.init);
    for (const node of decl.assigns) visit(node);
    for (const node of decl.members) visit(node);
  } else if (decl.kind === 'function') visit(decl.fn);
  else if (decl.kind === 'class') visit(decl.cls);
}

/** The index of the top-level statement containing a position (binary search: statements are in order). */
function statementIndexAt(file: ts.SourceFile, pos: number): number {
  let low = 0;
  let high = file.statements.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (file.statements[mid].pos <= pos) low = mid;
    else high = mid - 1;
  }
  return low;
}
