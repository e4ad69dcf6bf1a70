// Path aliases from tsconfig.json / jsconfig.json (`compilerOptions.paths`) plus the conventional
// `@/` and `~/` → `<project>/src/`, so `import { base44 } from '@/api/base44Client'` resolves.

import { posix } from 'node:path';
import { parseJsonc } from '../util/jsonc';

export interface AliasRule {
  /** Alias prefix before the `*`, e.g. `@/`. Exact aliases (no `*`) have exact = true. */
  prefix: string;
  exact: boolean;
  /** Target prefixes relative to the audited root, e.g. `apps/web/src/`. */
  targets: string[];
}

/** Aliases declared by each project folder (relative to the root; '' for the root itself). */
export class AliasTable {
  private readonly byDir = new Map<string, AliasRule[]>();
  private readonly prefixes = new Set<string>(['@/', '~/']);

  /** Reads `compilerOptions.paths` of one tsconfig/jsconfig. Returns an error message or undefined. */
  addConfig(configRel: string, text: string): string | undefined {
    let json: unknown;
    try {
      json = parseJsonc(text);
    } catch (e) {
      return `could not read ${posix.basename(configRel)}: ${(e as Error).message}`;
    }
    const options = (json as { compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> } })?.compilerOptions;
    const dir = posix.dirname(configRel) === '.' ? '' : posix.dirname(configRel);
    const base = posix.join(dir, options?.baseUrl ?? '.');
    const rules: AliasRule[] = [];
    for (const [key, values] of Object.entries(options?.paths ?? {})) {
      if (!Array.isArray(values)) continue;
      const exact = !key.endsWith('*');
      const prefix = exact ? key : key.slice(0, -1);
      const targets = values.filter((v) => typeof v === 'string').map((v) => posix.normalize(posix.join(base, exact ? v : v.replace(/\*$/, ''))));
      rules.push({ prefix, exact, targets: targets.map((t) => (exact || t.endsWith('/') ? t : t + '/')) });
      if (prefix) this.prefixes.add(prefix);
    }
    const existing = this.byDir.get(dir) ?? [];
    this.byDir.set(dir, [...existing, ...rules]);
    return undefined;
  }

  /** The alias prefixes that some project declares, and the conventional ones. */
  prefixList(): string[] {
    return [...this.prefixes];
  }

  /** Is this specifier an alias that some project in the workspace declares (or a conventional one)? */
  isAlias(spec: string): boolean {
    for (const prefix of this.prefixes) if (spec === prefix || spec.startsWith(prefix)) return true;
    return false;
  }

  /** Candidate root-relative paths (without extension handling) for an alias used in `fromFile`. */
  expand(fromFile: string, spec: string): string[] {
    const out: string[] = [];
    for (let dir = posix.dirname(fromFile); ; dir = posix.dirname(dir)) {
      const key = dir === '.' ? '' : dir;
      for (const rule of this.byDir.get(key) ?? []) {
        if (rule.exact ? spec === rule.prefix : spec.startsWith(rule.prefix)) {
          for (const target of rule.targets) out.push(rule.exact ? target : target + spec.slice(rule.prefix.length));
        }
      }
      if (out.length > 0 || key === '') break;
    }
    if (out.length === 0 && (spec.startsWith('@/') || spec.startsWith('~/'))) out.push(...this.conventionalTargets(fromFile, spec.slice(2)));
    return out;
  }

  /** `@/x` → `src/x` in the nearest ancestor that has a `src` folder on the importing file's path. */
  private conventionalTargets(fromFile: string, rest: string): string[] {
    const parts = fromFile.split('/');
    const srcIndex = parts.lastIndexOf('src');
    if (srcIndex >= 0) return [posix.join(...parts.slice(0, srcIndex + 1), rest)];
    return [posix.join('src', rest), rest];
  }
}
