// What the loaded rules imply for scanning, computed once per rule set: which modules and globals are
// platform bindings, how clients are recognised, and an index from binding roots to member patterns.

import { Minimatch } from 'minimatch';
import { CompiledRule, PlatformDescriptor } from './rules/model';
import type { RuleSet } from './rules/load';
import type { ScanError } from './types';
import { matchSegments, parsePathPattern, PathPattern, Ref, rootKey, rootMatches } from './refs';

/** Globals whose reads matter to every platform (env access), tracked even without a platform file. */
const BASE_GLOBALS = ['process', 'Deno', 'Netlify', 'Bun'];

export interface MemberEntry {
  rule: CompiledRule;
  pattern: PathPattern;
}

export class RuleIndex {
  readonly rules: CompiledRule[];
  readonly trackedGlobals: Set<string>;
  /** Problems in platform descriptors found while indexing (bad client paths, bad regexes). */
  readonly errors: ScanError[] = [];
  private readonly moduleNames = new Set<string>();
  private readonly moduleGlobs: Minimatch[] = [];
  private readonly moduleCache = new Map<string, boolean>();
  private readonly clients: { name: string; pattern: PathPattern }[] = [];
  /** canonical() results by reference key: the same paths recur on every keystroke. */
  private readonly canonicalCache = new Map<string, Ref>();
  private readonly specifierMaps: { regex: RegExp; module: string }[] = [];
  private readonly memberByRoot = new Map<string, MemberEntry[]>();
  private readonly memberByGlob: MemberEntry[] = [];
  private readonly globCandidatesByModule = new Map<string, MemberEntry[]>();

  constructor(set: RuleSet) {
    this.rules = set.rules;
    this.trackedGlobals = new Set(BASE_GLOBALS);
    for (const platform of set.platforms) this.addPlatform(platform);
    for (const rule of set.rules) this.addRule(rule);
  }

  private addPlatform(platform: PlatformDescriptor): void {
    for (const module of platform.modules) this.trackModule(module);
    for (const name of platform.globals ?? []) this.trackedGlobals.add(name);
    for (const [name, paths] of Object.entries(platform.clients ?? {})) {
      for (const source of paths) {
        try {
          const pattern = parsePathPattern(source);
          this.clients.push({ name, pattern });
          if (pattern.rootKey?.startsWith('m:')) this.trackModule(pattern.rootKey.slice(2));
          else if (pattern.moduleGlob) this.trackModule(pattern.moduleGlob);
        } catch (e) {
          this.errors.push({ file: `${platform.platform}/_platform.json`, message: `field 'clients.${name}': ${(e as Error).message}` });
        }
      }
    }
    for (const { match, module } of platform.specifiers ?? []) {
      try {
        this.specifierMaps.push({ regex: new RegExp(match), module });
        this.trackModule(module.replace(/\$\d+/g, '*'));
      } catch (e) {
        this.errors.push({ file: `${platform.platform}/_platform.json`, message: `field 'specifiers': ${(e as Error).message}` });
      }
    }
  }

  private addRule(rule: CompiledRule): void {
    const m = rule.matcher;
    if (m.type !== 'member') return;
    for (const pattern of m.patterns) {
      const entry = { rule, pattern };
      if (pattern.moduleGlob) {
        this.memberByGlob.push(entry);
        this.trackModule(pattern.moduleGlob);
      } else {
        const key = pattern.rootKey!;
        if (key.startsWith('m:')) this.trackModule(key.slice(2));
        if (key.startsWith('g:')) this.trackedGlobals.add(key.slice(2));
        const list = this.memberByRoot.get(key) ?? [];
        list.push(entry);
        this.memberByRoot.set(key, list);
      }
    }
  }

  private trackModule(module: string): void {
    if (/[*?[{]/.test(module)) this.moduleGlobs.push(new Minimatch(module));
    else this.moduleNames.add(module);
  }

  isTrackedModule(module: string): boolean {
    let tracked = this.moduleCache.get(module);
    if (tracked === undefined) {
      tracked = this.moduleNames.has(module) || this.moduleGlobs.some((g) => g.match(module));
      // A deep import (`firebase-admin/firestore`) is tracked when its package is named exactly.
      if (!tracked) tracked = [...this.moduleNames].some((name) => module.startsWith(name + '/'));
      this.moduleCache.set(module, tracked);
    }
    return tracked;
  }

  mapSpecifier(spec: string): string | undefined {
    for (const { regex, module } of this.specifierMaps) {
      const m = regex.exec(spec);
      if (m) return module.replace(/\$(\d+)/g, (_, i: string) => m[Number(i)] ?? '');
    }
    return undefined;
  }

  /**
   * The client form of a reference: when a prefix of its path is a client construction
   * (`@supabase/supabase-js` createClient()), the rest hangs off `$supabase`.
   */
  canonical(ref: Ref): Ref {
    if (ref.root.kind !== 'module' && ref.root.kind !== 'client') return ref;
    const key = `${rootKey(ref.root)}|${ref.path.join('.')}`;
    let found = this.canonicalCache.get(key);
    if (!found) {
      found = this.canonicalUncached(ref);
      if (this.canonicalCache.size > 50_000) this.canonicalCache.clear();
      this.canonicalCache.set(key, found);
    }
    return found;
  }

  private canonicalUncached(ref: Ref): Ref {
    let current = ref;
    for (let round = 0; round < 3; round++) {
      const next = this.reRoot(current);
      if (!next) break;
      current = next;
    }
    return current;
  }

  private reRoot(ref: Ref): Ref | undefined {
    for (let length = ref.path.length; length > 0; length--) {
      const prefix = ref.path.slice(0, length);
      for (const client of this.clients) {
        if (rootMatches(client.pattern, ref.root) && matchSegments(client.pattern.segments, prefix)) {
          return { root: { kind: 'client', name: client.name }, path: ref.path.slice(length) };
        }
      }
    }
    return undefined;
  }

  /** Member patterns whose root could accept this reference's root. */
  memberCandidates(ref: Ref): MemberEntry[] {
    const exact = this.memberByRoot.get(rootKey(ref.root)) ?? [];
    if (ref.root.kind !== 'module' || this.memberByGlob.length === 0) return exact;
    let globbed = this.globCandidatesByModule.get(ref.root.module);
    if (!globbed) {
      globbed = [...exact, ...this.memberByGlob.filter((e) => rootMatches(e.pattern, ref.root))];
      this.globCandidatesByModule.set(ref.root.module, globbed);
    }
    return globbed;
  }
}
