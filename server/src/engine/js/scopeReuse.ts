// Scopes of an edited document's unchanged statements, taken over from the previous walk. Unlike
// facts (reuse.ts), a statement's scopes depend on nothing outside it: which blocks and functions it
// holds and what they declare is its own syntax. So a statement the incremental parser kept (the
// same node) brings back the scopes it made, the declarations it put in the file's scope, the
// assignments it holds and the nodes the walk showed, without being walked again. Declarations
// keep no state from the last walk: their assignments are gathered afresh from the whole file.

import type ts from 'typescript';
import type { Decl, Scope } from './scopes';

export interface StatementScopes {
  /** The walk that recorded it: only the previous walk's records are taken over. */
  run: number;
  /** The nodes the walk showed its caller, the statement first. */
  nodes: ts.Node[];
  /** Every scope made inside the statement, by the node that opens it. */
  scopes: [ts.Node, Scope][];
  /** Those of them whose parent was the file's scope (re-parented to the new one). */
  topScopes: Scope[];
  /** Declarations the statement made in the file's scope, in order. */
  fileDecls: [string, Decl][];
  /** `x = …` and `x.y = …` assignments inside the statement (resolved with the rest of the file's). */
  assignments: ts.BinaryExpression[];
}

export class ScopeMemo {
  private readonly byStatement = new WeakMap<ts.Node, StatementScopes>();
  private run = 0;

  /** A new walk starts. */
  begin(): void {
    this.run++;
  }

  /** What the previous walk recorded for this statement, if it was a statement of it then. */
  previous(statement: ts.Node): StatementScopes | undefined {
    const recorded = this.byStatement.get(statement);
    return recorded?.run === this.run - 1 ? recorded : undefined;
  }

  /** A record to fill while walking a statement. */
  start(): StatementScopes {
    return { run: this.run, nodes: [], scopes: [], topScopes: [], fileDecls: [], assignments: [] };
  }

  keep(statement: ts.Node, recorded: StatementScopes): void {
    recorded.run = this.run;
    this.byStatement.set(statement, recorded);
  }

  /** A record taken over (kept under its statement already) stands for this walk too. */
  kept(recorded: StatementScopes): void {
    recorded.run = this.run;
  }
}

/** Forgets the assignments a declaration collected in the last walk (they are gathered again). */
export function clearAssigns(decl: Decl): void {
  if (decl.kind === 'var') {
    decl.assigns.length = 0;
    decl.members.length = 0;
  }
}
