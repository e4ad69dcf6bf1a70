// Cross-file resolution: a value imported from a workspace module takes the binding that module
// exports. `import { base44 } from '@/api/base44Client'` becomes the Base44 client because
// src/api/base44Client.js exports `createClient(...)` from @base44/sdk.

import { posix } from 'node:path';
import type { JsFacts } from '../js/facts';
import { isRelativeSpecifier } from '../modules';
import { CALL, classMemberExport, extend, Ref } from '../refs';
import { PARAM_SPEC } from '../js/callSites';
import { CONTEXT_SPEC, workerEnvKey } from '../js/frameworkContext';
import type { PassedValue } from './paramTable';
import { AliasTable } from './aliases';

const EXTENSIONS = ['', '.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts'];
const INDEXES = ['/index.ts', '/index.tsx', '/index.js', '/index.jsx', '/index.mjs'];
/** Re-export chains longer than this are not followed (and cycles end here too). */
const MAX_HOPS = 8;
/**
 * resolve's memo is emptied past this many answers. Filled file after file (the findings of a whole
 * workspace), it held 130,000 on the corpus, most of them used once; the reuse is within a file and
 * in the few modules every file imports, which come back at once.
 */
const MAX_REMEMBERED_VALUES = 20_000;

export interface FactsLookup {
  get(file: string): JsFacts | undefined;
  /** Is this a scanned file? (Defaults to get() !== undefined; cheaper where facts are made on demand.) */
  has?(file: string): boolean;
  /** The value some file writes into a framework context under this key (see frameworkContext.ts). */
  context?(key: string): { file: string; ref: Ref } | undefined;
  /** What callers pass to a parameter of a function a file declares (see js/callSites.ts). */
  passed?(file: string, key: string, index: number): PassedValue[];
}

export class Resolver {
  /** resolveFile answers by importing folder and specifier; valid while the set of files is unchanged. */
  private readonly fileMemo = new Map<string, string | null>();
  /**
   * resolve answers for workspace roots, when the owner keeps them (WorkspaceState: every site of
   * every file resolves the same few imports and parameters). Valid while no file's facts change:
   * the owner calls forgetValues on each change. Off where reads must be seen (LinkedHits).
   */
  private readonly valueMemo?: Map<string, Ref | null>;
  /** isPlatformValue's test for class members exported by a file, by file and class (same validity). */
  private readonly memberMemo?: Map<string, boolean>;

  constructor(private readonly facts: FactsLookup, private readonly aliases: AliasTable, memoize = false) {
    if (memoize) {
      this.valueMemo = new Map();
      this.memberMemo = new Map();
    }
  }

  /** The alias prefixes specifiers may start with (see quotedWorkspaceSpecifiers). */
  aliasPrefixes(): string[] {
    return this.aliases.prefixList();
  }

  /** The workspace file a specifier names, or undefined when it is not a scanned file. */
  resolveFile(fromFile: string, spec: string): string | undefined {
    const key = `${posix.dirname(fromFile)}\0${spec}`;
    let found = this.fileMemo.get(key);
    if (found === undefined) {
      const exists = (path: string) => (this.facts.has ? this.facts.has(path) : this.facts.get(path) !== undefined);
      found = this.candidates(fromFile, spec).find(exists) ?? null;
      this.fileMemo.set(key, found);
    }
    return found ?? undefined;
  }

  /** Files were added or removed (or aliases changed): forget remembered file resolutions. */
  forgetFiles(): void {
    this.fileMemo.clear();
    this.forgetValues();
  }

  /** Some file's facts (exports, context writes, passed arguments) changed: forget remembered values. */
  forgetValues(): void {
    this.valueMemo?.clear();
    this.memberMemo?.clear();
  }

  /** Every root-relative path the specifier could name, in resolution order (for loading on demand). */
  candidates(fromFile: string, spec: string): string[] {
    const bases = isRelativeSpecifier(spec)
      ? [posix.normalize(posix.join(posix.dirname(fromFile), spec))]
      : this.aliases.expand(fromFile, spec).map((p) => posix.normalize(p));
    const out: string[] = [];
    for (const base of bases) {
      const clean = base.replace(/^\.\//, '');
      if (clean.startsWith('../')) continue; // outside the workspace folder
      // TypeScript ESM code imports './x.js' for a file named x.ts.
      const stems = /\.(m|c)?js$/.test(clean) ? [clean, clean.replace(/\.(m|c)?js$/, '')] : [clean];
      for (const stem of stems) for (const ext of [...EXTENSIONS, ...INDEXES]) out.push(stem + ext);
    }
    return out;
  }

  /** Replaces a workspace root by what the imported module exports, following re-exports. */
  resolve(file: string, ref: Ref, hops = 0): Ref | undefined {
    if (ref.root.kind !== 'ws') return ref;
    if (hops > MAX_HOPS) return undefined;
    const memo = this.valueMemo;
    if (!memo) return this.resolveWorkspace(file, ref, hops);
    // Not remembered when the specifier names no scanned file: most misses (a third-party-like
    // path, a file outside the folder), answered as fast from the file memo, and the keys of all
    // the sites of a large workspace took ~45 MB.
    const spec = ref.root.spec;
    if (spec !== CONTEXT_SPEC && spec !== PARAM_SPEC && this.resolveFile(file, spec) === undefined) return undefined;
    if (memo.size >= MAX_REMEMBERED_VALUES) memo.clear();
    const key = `${file}\0${ref.root.spec}\0${ref.root.name}\0${hops}\0${ref.path.join('\0')}`;
    let found = memo.get(key);
    if (found === undefined) {
      found = this.resolveWorkspace(file, ref, hops) ?? null;
      memo.set(key, found);
    }
    return found ?? undefined;
  }

  private resolveWorkspace(file: string, ref: Ref, hops: number): Ref | undefined {
    if (ref.root.kind !== 'ws') return ref;
    if (ref.root.spec === CONTEXT_SPEC) return this.resolveContext(file, ref.root.name, ref.path, hops);
    if (ref.root.spec === PARAM_SPEC) return this.resolveParam(file, ref.root.name, ref.path, hops);
    const target = this.resolveFile(file, ref.root.spec);
    if (!target) return undefined;
    let name = ref.root.name;
    let rest = ref.path;
    if (name === '*') {
      if (rest.length === 0) return undefined;
      name = rest[0];
      rest = rest.slice(1);
      const named = this.exported(target, name, hops + 1);
      if (named) return extend(named, ...rest);
      const whole = this.exported(target, 'default', hops + 1);
      return whole && extend(whole, ...ref.path);
    }
    const exported = this.exported(target, name, hops + 1);
    if (exported) return extend(exported, ...rest);
    // An instance of an exported class (`new Manager().db`, a parameter typed `Manager`): its member.
    const onInstance = rest[0] === CALL && rest.length > 1;
    const member = onInstance ? this.exported(target, classMemberExport(name, rest[1]), hops + 1) : undefined;
    return member && extend(member, ...rest.slice(2));
  }

  private resolveContext(file: string, carrier: string, path: string[], hops: number): Ref | undefined {
    const [key, module] = carrier.split('@');
    const written = path.length > 0 ? this.facts.context?.(`${key}.${path[0]}`) : undefined;
    const value = written && this.resolve(written.file, written.ref, hops + 1);
    if (value) return extend(value, ...path.slice(1));
    if (module) return { root: { kind: 'module', module }, path: [key, ...path] };
    // In a Worker's folder, a binding no config or type declares is still the Worker's (type unknown).
    const worker = key === 'env' && path.length > 0 ? this.workerEnvOf(file) : undefined;
    return worker && extend(worker, ...path);
  }

  /** The Worker env of the nearest folder holding a Wrangler config (see ContextTable's workerEnvKey). */
  private workerEnvOf(file: string): Ref | undefined {
    for (let dir = posix.dirname(file); ; dir = posix.dirname(dir)) {
      const found = this.facts.context?.(workerEnvKey(dir === '.' ? '' : dir));
      if (found) return found.ref;
      if (dir === '.' || dir === '/' || dir === '') return undefined;
    }
  }

  /** Is this a platform value, or an instance of a workspace class some of whose members are? */
  isPlatformValue(file: string, ref: Ref): boolean {
    const resolved = this.resolve(file, ref);
    if (resolved) return resolved.root.kind !== 'ws';
    const root = ref.root;
    if (root.kind !== 'ws' || root.spec.startsWith('#') || ref.path.length !== 1 || ref.path[0] !== CALL) return false;
    const target = this.resolveFile(file, root.spec);
    return !!target && this.exportsMembersOf(target, root.name);
  }

  /** Does the file export members of this class (`Manager#db`)? */
  private exportsMembersOf(file: string, className: string): boolean {
    const key = `${file}\0${className}`;
    let found = this.memberMemo?.get(key);
    if (found === undefined) {
      const prefix = classMemberExport(className, '');
      found = Object.keys(this.facts.get(file)?.exports ?? {}).some((name) => name.startsWith(prefix));
      this.memberMemo?.set(key, found);
    }
    return found;
  }

  /** A parameter is what some caller passes (the first, in caller path order, that is a platform value). */
  private resolveParam(file: string, name: string, path: string[], hops: number): Ref | undefined {
    const slash = name.lastIndexOf('/');
    for (const value of this.facts.passed?.(file, name.slice(0, slash), Number(name.slice(slash + 1))) ?? []) {
      if (value.path && value.path[0] !== path[0]) continue;
      // Extended first: an instance of a workspace class (`new Manager()`) resolves only with the member read from it.
      const resolved = this.resolve(value.file, extend(value.ref, ...path.slice(value.path ? 1 : 0)), hops + 1);
      if (resolved && resolved.root.kind !== 'ws') return resolved;
    }
    return undefined;
  }

  private exported(file: string, name: string, hops: number): Ref | undefined {
    const facts = this.facts.get(file);
    if (!facts) return undefined;
    const own = facts.exports[name];
    if (own) return this.resolve(file, own, hops);
    if (name === 'default') return undefined;
    for (const spec of facts.starExports) {
      const next = this.resolveFile(file, spec);
      if (next && hops <= MAX_HOPS) {
        const found = this.exported(next, name, hops + 1);
        if (found) return found;
      }
    }
    return undefined;
  }
}
