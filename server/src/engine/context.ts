// What the loaded rules imply for scanning, computed once per rule set: which modules and globals are
// platform bindings, how clients are recognised, and an index from binding roots to member patterns.

import { Minimatch } from 'minimatch';
import type { CompiledRule, PlatformDescriptor } from './rules/model';
import type { RuleSet } from './rules/load';
import { isBuiltIn } from './rules/trust';
import { RuleSelection } from './ruleSelection';
import type { ScanError } from './types';
import { matchSegments, parsePathPattern, PathPattern, Ref, rootKey, rootMatches } from './refs';
import { anyPrefilterTest } from './checks/registry';
import { BudgetedRegExp } from './util/timeBudget';
import { Literal, LiteralScan } from './util/literalScan';
import { Bounds, identifierBounds, requiredText, withoutCovered } from './parseTriggers';
import { longestLiteral } from './util/glob';
import { SECRET_HINTS } from './checks/secrets/scan';

/** Globals whose reads matter to every platform (env access), tracked even without a platform file. */
const BASE_GLOBALS = ['process', 'Deno', 'Netlify', 'Bun'];

export interface MemberEntry {
  rule: CompiledRule;
  pattern: PathPattern;
}

type CheckGate = (text: string, found: ReadonlySet<Literal>) => boolean;

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
  private readonly clientsByRoot = new Map<string, { name: string; pattern: PathPattern }[]>();
  /** Auto-imported names by name: the dependency that provides them and what they are. */
  readonly autoImports = new Map<string, { dependency: string; module: string; exported: string }[]>();
  private readonly specifierMaps: { regex: RegExp; module: string; platform: PlatformDescriptor }[] = [];
  private readonly memberByRoot = new Map<string, MemberEntry[]>();
  private readonly memberByGlob: MemberEntry[] = [];
  private readonly globCandidatesByModule = new Map<string, MemberEntry[]>();

  /** Patterns that call for a parse, each tested only where its `gate` text is (when it has one). */
  private readonly parseTriggerRegexes: { regex: RegExp; gate?: Literal }[] = [];
  private readonly parseTriggers = new Set<Literal>();
  /** Triggers that are the names of platform globals, with the name (see triggerMatters). */
  private readonly scopedGlobals = new Map<Literal, string>();
  /** One pass over a text finds the parse triggers, the secret formats' hints and the checks' hints. */
  private readonly literalScan: LiteralScan;
  private readonly literalList: Literal[];
  private readonly literalNumbers: Map<Literal, number>;
  private lastLiterals?: { text: string; found: ReadonlySet<Literal> };
  private readonly selection: RuleSelection;

  constructor(set: RuleSet) {
    this.rules = set.rules;
    this.selection = new RuleSelection(set.rules, this.errors);
    this.trackedGlobals = new Set(BASE_GLOBALS);
    for (const platform of set.platforms) this.addPlatform(platform);
    for (const rule of set.rules) this.addRule(rule);
    this.addParseTriggers();
    const checkHints = set.rules.flatMap((rule) => (rule.matcher.type === 'check' ? (rule.matcher.check.hints ?? []) : []));
    const regexGates = this.parseTriggerRegexes.flatMap(({ gate }) => (gate ? [gate] : []));
    this.literalList = [...new Set([...this.parseTriggers, ...regexGates, ...SECRET_HINTS, ...checkHints])];
    this.literalNumbers = new Map(this.literalList.map((literal, i) => [literal, i]));
    this.literalScan = new LiteralScan(this.literalList);
  }

  /** The rules whose file globs accept this root-relative path. */
  rulesFor(file: string): CompiledRule[] {
    return this.selection.rulesFor(file);
  }

  /**
   * The literal prefilter: can any rule match this JS file without help from other files? Most
   * files name no platform module, global or env var and hold nothing secret-shaped, and then
   * parsing them is wasted work. (Files that import a workspace module exporting a platform
   * binding are found in a second pass by the audit; see reachPlatformModules.)
   */
  jsNeedsParse(file: string, text: string, applicable: CompiledRule[] = this.rulesFor(file), found = this.literalsIn(text)): boolean {
    for (const literal of found) if (this.parseTriggers.has(literal) && this.triggerMatters(literal, applicable)) return true;
    if (this.parseTriggerRegexes.some(({ regex, gate }) => (!gate || found.has(gate)) && regex.test(text))) return true;
    return this.checkGate(applicable)(text, found);
  }

  /**
   * A platform global's name calls for a parse only where a rule reading that global applies:
   * `migrate` is PocketBase's only in pb_migrations files, and a word of prose everywhere else.
   */
  private triggerMatters(trigger: Literal, applicable: CompiledRule[]): boolean {
    const name = this.scopedGlobals.get(trigger);
    return name === undefined || this.globalsReadBy(applicable).has(name);
  }

  private readonly globalsByList = new WeakMap<CompiledRule[], Set<string>>();

  private globalsReadBy(applicable: CompiledRule[]): Set<string> {
    let names = this.globalsByList.get(applicable);
    if (!names) {
      const roots = applicable.flatMap((r) => (r.matcher.type === 'member' ? r.matcher.patterns.map((p) => p.rootKey ?? '') : []));
      this.globalsByList.set(applicable, (names = new Set(roots.filter((k) => k.startsWith('g:')).map((k) => k.slice(2)))));
    }
    return names;
  }

  /** A global that only member rules read: not an env global, not the root of a platform's client. */
  private readOnlyByMemberRules(name: string): boolean {
    return !BASE_GLOBALS.includes(name) && !this.clients.some((c) => c.pattern.rootKey === `g:${name}`);
  }

  /** Words by number, so that a worker thread's answer can travel (each thread builds the same list). */
  literalIds(found: ReadonlySet<Literal>): number[] {
    return [...found].map((literal) => this.literalNumbers.get(literal)!);
  }

  literalsOf(ids: number[]): ReadonlySet<Literal> {
    return new Set(ids.map((id) => this.literalList[id]));
  }

  /** The parse triggers, secret hints and check hints a text holds (the last text's answer is kept: callers ask in turn). */
  literalsIn(text: string): ReadonlySet<Literal> {
    if (this.lastLiterals?.text !== text) this.lastLiterals = { text, found: this.literalScan.find(text) };
    return this.lastLiterals.found;
  }

  private readonly checkGates = new WeakMap<CompiledRule[], CheckGate>();

  /**
   * Could a file or workspace check among these rules fire on a text? (Linked checks read facts
   * through their view, which parses an unparsed file on demand.)
   */
  private checkGate(applicable: CompiledRule[]): CheckGate {
    let gate = this.checkGates.get(applicable);
    if (!gate) {
      const checks = applicable.flatMap((rule) => {
        const m = rule.matcher;
        return m.type === 'check' && m.check.scope !== 'linked' && !(m.check.scope === 'file' && m.check.textOnly) ? [m.check] : [];
      });
      this.checkGates.set(applicable, (gate = anyPrefilterTest(checks)));
    }
    return gate;
  }

  private addParseTriggers(): void {
    const triggers: Literal[] = [];
    const add = (literal: string, bounds: Bounds = {}): Literal | undefined => {
      if (literal.length < 3) return void this.parseTriggerRegexes.push({ regex: /[\s\S]/ }); // too short to filter on: parse everything
      const trigger = { text: literal, ...bounds };
      triggers.push(trigger);
      return trigger;
    };
    // Module names are normalised; `deno-std/…` is written `https://deno.land/std@…/…` in code.
    const asWritten = (module: string) => module.replace(/^deno-std\//, '');
    for (const module of this.moduleNames) add(asWritten(module));
    for (const name of this.autoImports.keys()) add(name, { start: true, end: true });
    for (const glob of this.moduleGlobs) add(longestLiteral(asWritten(glob.pattern)));
    // A global is read as a whole identifier: `Deno.env`, not the `Deno` of "Denotes" or `Bun` of "Bundle".
    // One too short to filter on (Cloudflare's `Ai` type) is no trigger: it would call for parsing every file.
    for (const name of this.trackedGlobals) {
      const trigger = name === 'process' || name.length < 3 ? undefined : add(name, { start: true, end: true });
      if (trigger && this.readOnlyByMemberRules(name)) this.scopedGlobals.set(trigger, name);
    }
    // Specifier maps are anchored to a whole specifier; in file text, look for the unanchored body.
    for (const { regex, platform } of this.specifierMaps) {
      const source = regex.source.replace(/\(\^\|\/\)|\^|\$/g, '');
      // Only built-in patterns are gated by their text; a custom one is tested as written (on its time budget).
      const text = isBuiltIn(platform) ? requiredText(source) : undefined;
      this.parseTriggerRegexes.push({ regex: this.platformRegExp(platform, source), gate: text === undefined ? undefined : { text } });
    }
    for (const rule of this.rules) {
      const m = rule.matcher;
      if (m.type === 'import') for (const g of m.modules) add(longestLiteral(g.pattern));
      // An env name is an identifier too: `SUPABASE_*` starts a name, it is never the tail of one.
      if (m.type === 'env') for (const g of m.names) add(longestLiteral(g.pattern), identifierBounds(g.pattern));
    }
    // A global's name that is also another trigger's text (an env name, say) is not scoped.
    for (const trigger of this.scopedGlobals.keys()) if (triggers.some((t) => t !== trigger && t.text === trigger.text)) this.scopedGlobals.delete(trigger);
    for (const trigger of withoutCovered(triggers)) this.parseTriggers.add(trigger);
  }

  private addPlatform(platform: PlatformDescriptor): void {
    for (const module of platform.modules) this.trackModule(module);
    for (const name of platform.globals ?? []) this.trackedGlobals.add(name);
    for (const [dependency, names] of Object.entries(platform.autoImports ?? {})) {
      for (const [name, target] of Object.entries(names)) {
        const [module, exported] = target.split('#');
        this.autoImports.set(name, [...(this.autoImports.get(name) ?? []), { dependency, module, exported }]);
        this.trackModule(module);
      }
    }
    for (const [name, paths] of Object.entries(platform.clients ?? {})) {
      for (const source of paths) {
        try {
          const pattern = parsePathPattern(source);
          this.clients.push({ name, pattern });
          this.clientsByRoot.clear();
          if (pattern.rootKey?.startsWith('m:')) this.trackModule(pattern.rootKey.slice(2));
          else if (pattern.moduleGlob) this.trackModule(pattern.moduleGlob);
        } catch (e) {
          this.errors.push({ file: `${platform.platform}/_platform.json`, message: `field 'clients.${name}': ${(e as Error).message}` });
        }
      }
    }
    for (const { match, module } of platform.specifiers ?? []) {
      try {
        this.specifierMaps.push({ regex: this.platformRegExp(platform, match), module, platform });
        this.trackModule(module.replace(/\$\d+/g, '*'));
      } catch (e) {
        this.errors.push({ file: `${platform.platform}/_platform.json`, message: `field 'specifiers': ${(e as Error).message}` });
      }
    }
  }

  /** A custom platform's specifier patterns run on the time budget; one that overruns stops matching. */
  private platformRegExp(platform: PlatformDescriptor, source: string): RegExp {
    if (isBuiltIn(platform)) return new RegExp(source);
    const file = `${platform.platform}/_platform.json`;
    return new BudgetedRegExp(source, '', (e) => this.errors.push({ file, message: `field 'specifiers': the pattern '${source}' ${e.message} and was stopped; it is off until the rules are loaded again` }));
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
    if (this.moduleNames.has(module) || this.moduleGlobs.some((g) => g.pattern === module)) return;
    if (/[*?[{]/.test(module)) this.moduleGlobs.push(new Minimatch(module));
    else this.moduleNames.add(module);
  }

  /** Drops the answers remembered for modules and references (they are made again when asked). */
  forgetMemos(): void {
    this.moduleCache.clear();
    this.canonicalCache.clear();
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
    const candidates = this.clientsRootedAt(ref.root);
    if (candidates.length === 0) return undefined;
    for (let length = ref.path.length; length > 0; length--) {
      const prefix = ref.path.slice(0, length);
      for (const client of candidates) {
        if (matchSegments(client.pattern.segments, prefix)) {
          return { root: { kind: 'client', name: client.name }, path: ref.path.slice(length) };
        }
      }
    }
    return undefined;
  }

  /** The client patterns whose root accepts this one, in their order (decided once per root). */
  private clientsRootedAt(root: Ref['root']): { name: string; pattern: PathPattern }[] {
    const key = rootKey(root);
    let found = this.clientsByRoot.get(key);
    if (!found) this.clientsByRoot.set(key, (found = this.clients.filter((c) => rootMatches(c.pattern, root))));
    return found;
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
