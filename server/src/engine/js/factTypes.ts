// What a JavaScript/TypeScript file's facts are (facts.ts collects them): its imports, the
// expressions whose value comes from a platform binding, its exports and what it hands to other
// code; and the scan context they are collected in. Plain data: cached by content hash (scanCache)
// and resolved across files by the workspace index (workspace/resolve.ts).

import type { Ref } from '../refs';
import type { CallArg } from './callSites';

export interface ImportFact {
  /** Normalised module name for packages; the raw specifier for workspace imports. */
  module: string;
  workspace: boolean;
  start: number;
  end: number;
}

export interface Site {
  ref: Ref;
  start: number;
  end: number;
  /** String-literal arguments of a call (null where not a literal), first three only. */
  args?: (string | null)[];
  /** The value is immediately accessed or called (`x` in `x.y` or `x()`), not kept or passed on. */
  chained?: true;
  /** A call of a factory function of the file (`makeClient()`): the client it returns is made there, not here. */
  factory?: true;
}

export interface JsFacts {
  imports: ImportFact[];
  sites: Site[];
  /** Exported names whose values are platform bindings (possibly still workspace-rooted). */
  exports: Record<string, Ref>;
  /** `export * from './x'` specifiers, resolved by the workspace index. */
  starExports: string[];
  /** Platform values the file hands to a framework's context (`locals.supabase`, `var.db`): see frameworkContext.ts. */
  context?: Record<string, Ref>;
  /** Platform values the file passes to functions that may be declared elsewhere (see callSites.ts). */
  args?: CallArg[];
  /** First syntax error, if the file does not parse cleanly (the rest is still scanned). */
  syntaxError?: { line: number; message: string };
}

export interface FactContext {
  /** Is this normalised package name one that some rule or platform tracks? */
  isTrackedModule(module: string): boolean;
  /** Does this raw specifier point into the workspace (relative or alias)? */
  isWorkspaceSpec(spec: string): boolean;
  /** Is this reference a freshly built platform client (`createClient(…)` of a tracked SDK)? */
  isClientConstruction(ref: Ref): boolean;
  /** A platform-declared module name for a specifier (e.g. Convex's `./_generated/server`), if any. */
  mapSpecifier(spec: string, fromFile?: string): string | undefined;
  trackedGlobals: ReadonlySet<string>;
  /** An undeclared name a framework auto-imports in this file (`useSupabaseClient` with @nuxtjs/supabase). */
  autoImport?(name: string, fromFile: string): Ref | undefined;
}
