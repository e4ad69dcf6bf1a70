// The prefilter's second pass. The prefilter leaves unparsed the JS files that name no platform, but
// a file importing a workspace module that exports a platform binding
// (`import { base44 } from '@/api/base44Client'`) uses the platform all the same, and so does a file
// whose functions callers pass a platform value to. This finds those files, round after round, until
// no new one appears; the workspace state parses them.

import type { RuleIndex } from './context';
import type { FileScan } from './scan/scanFile';
import type { AliasTable } from './workspace/aliases';
import type { ContextTable } from './workspace/contextTable';
import type { ParamTable } from './workspace/paramTable';
import type { Resolver } from './workspace/resolve';
import { ownString } from './util/ownString';
import { quotedWorkspaceSpecifiers } from './workspace/specifiers';

/** What the search reads of the workspace state, and how it has a file parsed. */
export interface ReachInputs {
  scans: ReadonlyMap<string, FileScan>;
  resolver: Resolver;
  aliases: AliasTable;
  index: RuleIndex;
  context: ContextTable;
  params: ParamTable;
  /** Parses a file the prefilter left unparsed and takes the new scan in. */
  parse(scan: FileScan): void;
}

export class PlatformReach {
  /** Each unparsed file's workspace specifiers, found once for every round. */
  private readonly specifiersOf = new WeakMap<FileScan, string[]>();
  /**
   * Each unparsed file's answer to ContextTable.mayRead, while the table is the same. Neither this
   * nor the specifiers need the text again: the language server reads closed files back from disk.
   */
  private readonly readsContextOf = new WeakMap<FileScan, { table: object; reads: boolean }>();

  constructor(private readonly w: ReachInputs) {}

  /** Every round, over the whole workspace. Returns the files it had parsed, in order. */
  rounds(): string[] {
    const parsed: string[] = [];
    // Each round looks only for modules found since the last: a file naming an earlier one was
    // parsed then (resolving a specifier does not change between rounds).
    const looked = new Set<string>();
    for (;;) {
      const reach = this.moduleReach(looked);
      // Files whose functions callers pass platform values to: their parameters are those values.
      const called = this.w.params.targets((v) => this.w.resolver.isPlatformValue(v.file, v.ref));
      const next = [...this.w.scans.values()].filter((s) => !s.parsed && (called.has(s.file) || reach?.(s)));
      if (next.length === 0) return parsed;
      for (const scan of next) {
        this.w.parse(scan);
        parsed.push(scan.file);
      }
    }
  }

  /** Does a file just (re)scanned unparsed reach a platform module? */
  reaches(scan: FileScan): boolean {
    return !scan.parsed && this.moduleReach()?.(scan) === true;
  }

  /**
   * A test of whether a file's text names, in quotes, a specifier that resolves to a workspace
   * module exporting a platform binding (or re-exporting another module), other than those in
   * `skip` (to which the modules tested for are added). The file's workspace specifiers (relative
   * or through an alias: `'./api/base44Client'`, `"@/lib/db"`) are found once, for every round;
   * only those naming one of the modules' files (`base44Client`, `db`) are resolved, which drops
   * the many that only share a name (`'./src'`, `'./entities'` in unrelated code).
   */
  private moduleReach(skip?: Set<string>): ((scan: FileScan) => boolean) | undefined {
    // Import-mapped platform modules are looked for in the first round (the later ones find no new file).
    const firstRound = !skip || skip.size === 0;
    const mapped = firstRound && this.w.aliases.hasModuleMaps();
    const context = firstRound && this.w.context.values().size > 0;
    const modules = this.platformModules(skip);
    if (modules.size === 0 && !mapped && !context) return undefined;
    for (const module of modules) skip?.add(module);
    const names = new Set([...modules].map(moduleStem));
    const namesModule = (scan: FileScan, spec: string): boolean => {
      if (mapped && this.mapsToTrackedModule(scan.file, spec)) return true;
      const stem = specifierStem(spec);
      if (stem !== undefined && !names.has(stem) && !this.w.aliases.isPackage(spec)) return false;
      const target = this.w.resolver.resolveFile(scan.file, spec);
      return target !== undefined && modules.has(target);
    };
    return (scan) =>
      (context && this.readsContext(scan)) ||
      this.workspaceSpecifiers(scan).some((s) => namesModule(scan, s));
  }

  /** Parsed files exporting a platform binding or re-exporting another module, but those in `skip`. */
  private platformModules(skip?: Set<string>): Set<string> {
    const modules = new Set<string>();
    for (const scan of this.w.scans.values()) {
      const facts = scan.facts;
      if (!scan.parsed || !facts || skip?.has(scan.file)) continue;
      const exportsPlatform = Object.values(facts.exports).some((ref) => {
        const resolved = this.w.resolver.resolve(scan.file, ref);
        return resolved !== undefined && resolved.root.kind !== 'ws';
      });
      if (exportsPlatform || facts.starExports.length > 0) modules.add(scan.file);
    }
    return modules;
  }

  /** Does an import map in scope rename this specifier to a platform module (`'sdk'` → `@acme/sdk`)? */
  private mapsToTrackedModule(file: string, spec: string): boolean {
    const module = this.w.aliases.mapModule(file, spec);
    return module !== undefined && this.w.index.isTrackedModule(module);
  }

  private readsContext(scan: FileScan): boolean {
    const table = this.w.context.readersKey();
    let known = this.readsContextOf.get(scan);
    if (known?.table !== table) {
      known = { table, reads: this.w.context.mayRead(scan.file, scan.text) };
      this.readsContextOf.set(scan, known);
    }
    return known.reads;
  }

  private workspaceSpecifiers(scan: FileScan): string[] {
    let specs = this.specifiersOf.get(scan);
    if (!specs) {
      // Copies: a slice of the text would keep it alive for as long as the scan (see ownString).
      specs = quotedWorkspaceSpecifiers(scan.text, this.w.aliases.prefixList()).map(ownString);
      this.specifiersOf.set(scan, specs);
    }
    return specs;
  }
}

/**
 * The file name a specifier ends with, as moduleStem gives it: `'./api/base44Client.js'` → base44Client,
 * `'@/lib/db/index'` → db. Undefined when the specifier does not say (`'.'`, `'./index'`, `'$lib'`).
 */
function specifierStem(spec: string): string | undefined {
  const path = spec.replace(/\.[cm]?[jt]sx?$/, '').replace(/(^|\/)index$/, '');
  const slash = path.lastIndexOf('/');
  const stem = path.slice(slash + 1);
  return slash < 0 || stem === '' || stem === '.' || stem === '..' ? undefined : stem;
}

/**
 * What an import specifier of this file contains:
 * `src/api/base44Client.js` → base44Client, `lib/db/index.ts` → db.
 */
function moduleStem(file: string): string {
  const parts = file.split('/');
  const name = parts[parts.length - 1].replace(/\.[^.]+$/, '');
  return name === 'index' && parts.length > 1 ? parts[parts.length - 2] : name;
}
