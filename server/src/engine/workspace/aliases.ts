// What a non-relative specifier names in the workspace, from the project's own configs:
// - `compilerOptions.paths` of tsconfig.json / jsconfig.json, and the conventional `@/` and `~/`;
// - workspace packages (a package.json with a name: see packages.ts);
// - Deno import maps (deno.json, import_map.json): a relative target is a workspace alias, a
//   package target (`npm:@supabase/supabase-js@2`) renames a module;
// - framework aliases: SvelteKit's `$lib`, Nuxt's `~`, `@`, `~~`, `@@`.
// Each config's contribution is kept by file, so an edited config replaces what it said before.

import { posix } from 'node:path';
import { isRelativeSpecifier, normalizeSpecifier } from '../modules';
import { parseJsonc } from '../util/jsonc';
import { packageTargets, readPackage, splitPackageSpecifier, WorkspacePackage } from './packages';

export interface AliasRule {
  /** Alias prefix before the `*`, e.g. `@/`. Exact aliases (no `*`) have exact = true. */
  prefix: string;
  exact: boolean;
  /** Target prefixes relative to the audited root, e.g. `apps/web/src/`. */
  targets: string[];
}

/** An import map entry whose target is a package: `"supabase": "npm:@supabase/supabase-js@2"`. */
interface ModuleRule {
  prefix: string;
  exact: boolean;
  module: string;
}

type Framework = 'sveltekit' | 'nuxt';

interface ConfigEntry {
  dir: string;
  rules: AliasRule[];
  modules: ModuleRule[];
  pkg?: WorkspacePackage;
  dependencies: Set<string>;
  frameworks: Framework[];
}

/** The prefixes every workspace may use (conventional and framework aliases). */
const CONVENTIONAL = ['@/', '~/', '$lib', '~~/', '@@/'];

/** Is this file one of the project configs the alias table reads? */
export function isProjectConfig(rel: string): boolean {
  const name = posix.basename(rel);
  return /^[tj]sconfig(\..+)?\.json$/.test(name) || name === 'package.json' || /^deno\.jsonc?$/.test(name) ||
    name === 'import_map.json' || /^(svelte|nuxt)\.config\.[cm]?[jt]s$/.test(name);
}

export class AliasTable {
  private readonly byConfig = new Map<string, ConfigEntry>();
  private derived?: {
    byDir: Map<string, AliasRule[]>;
    modulesByDir: Map<string, ModuleRule[]>;
    packages: Map<string, WorkspacePackage>;
    /** Prefixes of aliases, then also of workspace packages and import-mapped modules (see prefixList). */
    aliasPrefixes: string[];
    prefixes: string[];
  };

  /** Reads one project config (see isProjectConfig). Returns an error message or undefined. */
  addConfig(configRel: string, text: string): string | undefined {
    const name = posix.basename(configRel);
    const dir = posix.dirname(configRel) === '.' ? '' : posix.dirname(configRel);
    const entry: ConfigEntry = { dir, rules: [], modules: [], dependencies: new Set(), frameworks: [] };
    this.derived = undefined;
    this.byConfig.set(configRel, entry);
    if (/^(svelte|nuxt)\.config\./.test(name)) {
      entry.frameworks.push(name.startsWith('svelte') ? 'sveltekit' : 'nuxt');
      return undefined;
    }
    let json: unknown;
    try {
      json = parseJsonc(text);
    } catch (e) {
      return `could not read ${name}: ${(e as Error).message}`;
    }
    if (!json || typeof json !== 'object') return undefined;
    if (name === 'package.json') this.readPackageJson(entry, json as Record<string, unknown>);
    else if (name === 'import_map.json' || name.startsWith('deno.')) this.readImportMap(entry, (json as { imports?: unknown }).imports);
    else this.readTsconfig(entry, json as { compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> } });
    return undefined;
  }

  /** Forgets a config that was removed. */
  removeConfig(configRel: string): void {
    if (this.byConfig.delete(configRel)) this.derived = undefined;
  }

  private readTsconfig(entry: ConfigEntry, json: { compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> } }): void {
    const options = json.compilerOptions;
    const base = posix.join(entry.dir, options?.baseUrl ?? '.');
    for (const [key, values] of Object.entries(options?.paths ?? {})) {
      if (!Array.isArray(values)) continue;
      const exact = !key.endsWith('*');
      const prefix = exact ? key : key.slice(0, -1);
      const targets = values.filter((v) => typeof v === 'string').map((v) => posix.normalize(posix.join(base, exact ? v : v.replace(/\*$/, ''))));
      entry.rules.push({ prefix, exact, targets: targets.map((t) => (exact || t.endsWith('/') ? t : t + '/')) });
    }
  }

  private readPackageJson(entry: ConfigEntry, json: Record<string, unknown>): void {
    entry.pkg = readPackage(entry.dir, json);
    for (const section of ['dependencies', 'devDependencies', 'peerDependencies']) {
      const deps = json[section];
      if (deps && typeof deps === 'object') for (const dep of Object.keys(deps)) entry.dependencies.add(dep);
    }
    if (entry.dependencies.has('@sveltejs/kit')) entry.frameworks.push('sveltekit');
    if (entry.dependencies.has('nuxt')) entry.frameworks.push('nuxt');
  }

  private readImportMap(entry: ConfigEntry, imports: unknown): void {
    if (!imports || typeof imports !== 'object') return;
    for (const [key, value] of Object.entries(imports as Record<string, unknown>)) {
      if (typeof value !== 'string' || key === '') continue;
      const exact = !key.endsWith('/');
      if (isRelativeSpecifier(value)) {
        const target = posix.normalize(posix.join(entry.dir, value));
        entry.rules.push({ prefix: key, exact, targets: [exact || target.endsWith('/') ? target : target + '/'] });
      } else if (/^(?:npm|jsr):/.test(value) || (value.startsWith('http') && /esm\.sh|jsdelivr|unpkg|skypack|deno\.land\/x/.test(value))) {
        // Deno takes only URLs and npm:/jsr: specifiers as targets; anything else (a bare
        // "@supabase/supabase-js.39.3" seen in a real deno.json) resolves nowhere and renames nothing.
        entry.modules.push({ prefix: key, exact, module: normalizeSpecifier(value).replace(/\/$/, '') });
      }
    }
  }

  private tables(): NonNullable<AliasTable['derived']> {
    if (this.derived) return this.derived;
    const byDir = new Map<string, AliasRule[]>();
    const modulesByDir = new Map<string, ModuleRule[]>();
    const packages = new Map<string, WorkspacePackage>();
    const aliasPrefixes = new Set(CONVENTIONAL);
    const prefixes = new Set<string>();
    for (const entry of this.byConfig.values()) {
      if (entry.rules.length > 0) byDir.set(entry.dir, [...(byDir.get(entry.dir) ?? []), ...entry.rules]);
      if (entry.modules.length > 0) modulesByDir.set(entry.dir, [...(modulesByDir.get(entry.dir) ?? []), ...entry.modules]);
      for (const rule of entry.rules) if (rule.prefix) aliasPrefixes.add(rule.prefix);
      for (const rule of entry.modules) prefixes.add(rule.prefix);
      if (entry.pkg && !packages.has(entry.pkg.name)) {
        packages.set(entry.pkg.name, entry.pkg);
        prefixes.add(entry.pkg.name);
      }
    }
    return (this.derived = { byDir, modulesByDir, packages, aliasPrefixes: [...aliasPrefixes], prefixes: [...aliasPrefixes, ...prefixes] });
  }

  /**
   * What a workspace specifier may start with (see quotedWorkspaceSpecifiers): declared and
   * conventional aliases, workspace package names, and import-map keys naming a package.
   */
  prefixList(): string[] {
    return this.tables().prefixes;
  }

  /** Is this specifier an alias or a workspace package some project declares (or a conventional one)? */
  isAlias(spec: string): boolean {
    const tables = this.tables();
    if (!spec.startsWith('.') && tables.packages.has(splitPackageSpecifier(spec)[0])) return true;
    for (const prefix of tables.aliasPrefixes) if (spec.startsWith(prefix)) return true;
    return false;
  }

  /** Does the specifier name a workspace package (whose file names need not match the specifier)? */
  isPackage(spec: string): boolean {
    return this.tables().packages.has(splitPackageSpecifier(spec)[0]);
  }

  hasModuleMaps(): boolean {
    return this.tables().modulesByDir.size > 0;
  }

  /** The module an import map in scope gives a bare specifier (`supabase` → `@supabase/supabase-js`). */
  mapModule(fromFile: string, spec: string): string | undefined {
    const modulesByDir = this.tables().modulesByDir;
    if (modulesByDir.size === 0) return undefined;
    for (let dir = posix.dirname(fromFile); ; dir = posix.dirname(dir)) {
      const key = dir === '.' ? '' : dir;
      for (const rule of modulesByDir.get(key) ?? []) {
        if (rule.exact ? spec === rule.prefix : spec.startsWith(rule.prefix)) {
          return rule.exact ? rule.module : `${rule.module}/${spec.slice(rule.prefix.length)}`;
        }
      }
      if (key === '') return undefined;
    }
  }

  /** Does a package.json in the file's folder or above list this dependency? */
  dependsOn(fromFile: string, dependency: string): boolean {
    for (const entry of this.byConfig.values()) {
      if (entry.dependencies.has(dependency) && isWithin(fromFile, entry.dir)) return true;
    }
    return false;
  }

  /** Candidate root-relative paths (without extension handling) for an alias used in `fromFile`. */
  expand(fromFile: string, spec: string): string[] {
    const out: string[] = [];
    const { byDir, packages } = this.tables();
    for (let dir = posix.dirname(fromFile); ; dir = posix.dirname(dir)) {
      const key = dir === '.' ? '' : dir;
      for (const rule of byDir.get(key) ?? []) {
        if (rule.exact ? spec === rule.prefix : spec.startsWith(rule.prefix)) {
          for (const target of rule.targets) out.push(rule.exact ? target : target + spec.slice(rule.prefix.length));
        }
      }
      if (out.length > 0 || key === '') break;
    }
    if (out.length > 0) return out;
    const [name, sub] = splitPackageSpecifier(spec);
    const pkg = packages.get(name);
    if (pkg) return packageTargets(pkg, sub);
    return this.frameworkTargets(fromFile, spec);
  }

  /** SvelteKit's `$lib`, Nuxt's `~`/`@` (source folder) and `~~`/`@@` (project root), then `@/`, `~/` → `src/`. */
  private frameworkTargets(fromFile: string, spec: string): string[] {
    const out: string[] = [];
    const lib = /^\$lib(?:\/(.*))?$/.exec(spec);
    if (lib) {
      const project = this.projectDir(fromFile, 'sveltekit') ?? srcParent(fromFile);
      return [posix.join(project, 'src/lib', lib[1] ?? '')];
    }
    const rest = /^(~~|@@|~|@)\/(.*)$/.exec(spec);
    if (!rest) return out;
    const nuxt = this.projectDir(fromFile, 'nuxt');
    if (nuxt !== undefined) {
      out.push(posix.join(nuxt, rest[2]));
      if (rest[1].length === 1) out.push(posix.join(nuxt, 'app', rest[2]), posix.join(nuxt, 'src', rest[2]));
    }
    if (rest[1].length === 1) out.push(...conventionalTargets(fromFile, rest[2]));
    return out;
  }

  /** The nearest folder at or above the file that is a project of this framework. */
  private projectDir(fromFile: string, framework: Framework): string | undefined {
    let best: string | undefined;
    for (const entry of this.byConfig.values()) {
      if (!entry.frameworks.includes(framework) || !isWithin(fromFile, entry.dir)) continue;
      if (best === undefined || entry.dir.length > best.length) best = entry.dir;
    }
    return best;
  }
}

function isWithin(file: string, dir: string): boolean {
  return dir === '' || file.startsWith(dir + '/');
}

/** The folder holding the nearest `src` on the file's path ('' when there is none). */
function srcParent(fromFile: string): string {
  const parts = fromFile.split('/');
  const srcIndex = parts.lastIndexOf('src');
  return srcIndex > 0 ? parts.slice(0, srcIndex).join('/') : '';
}

/** `@/x` → `src/x` in the nearest ancestor that has a `src` folder on the importing file's path. */
function conventionalTargets(fromFile: string, rest: string): string[] {
  const parts = fromFile.split('/');
  const srcIndex = parts.lastIndexOf('src');
  if (srcIndex >= 0) return [posix.join(...parts.slice(0, srcIndex + 1), rest)];
  return [posix.join('src', rest), rest];
}
