// Workspace packages (npm, pnpm and yarn workspaces): a folder whose package.json names a package
// makes `import { db } from '@acme/db'` an import of that folder's entry file, found through
// `exports`, `main`, `module` and `types`. Build output is not scanned, so a target under dist/
// or build/ also gives the matching file under src/.

import { posix } from 'node:path';

export interface WorkspacePackage {
  name: string;
  /** Root-relative folder of the package.json ('' for the root). */
  dir: string;
  exports?: unknown;
  entries: string[];
}

/** Fields of a package.json that name its main entry, in the order a bundler would try them. */
const ENTRY_FIELDS = ['source', 'svelte', 'module', 'main', 'types', 'typings'];
/** Conditions of an `exports` entry, most likely to name source first. */
const CONDITIONS = ['source', 'development', 'types', 'import', 'module', 'browser', 'worker', 'node', 'default', 'require'];

export function readPackage(dir: string, json: Record<string, unknown>): WorkspacePackage | undefined {
  if (typeof json.name !== 'string' || json.name === '') return undefined;
  const entries = ENTRY_FIELDS.map((f) => json[f]).filter((v): v is string => typeof v === 'string');
  return { name: json.name, dir, exports: json.exports, entries };
}

/** The package a bare specifier names and the subpath after it: `@acme/db/server` → [`@acme/db`, `server`]. */
export function splitPackageSpecifier(spec: string): [string, string] {
  const parts = spec.split('/');
  const length = spec.startsWith('@') ? 2 : 1;
  return [parts.slice(0, length).join('/'), parts.slice(length).join('/')];
}

/** Root-relative candidate paths (without extensions) for `sub` ('' for the package itself). */
export function packageTargets(pkg: WorkspacePackage, sub: string): string[] {
  const found = exportTargets(pkg.exports, sub);
  if (sub === '') found.push(...pkg.entries);
  const out: string[] = [];
  for (const target of found) {
    const clean = posix.normalize(target).replace(/^\.\//, '').replace(/\.d\.[cm]?ts$/, '');
    out.push(clean);
    const built = /^(?:dist|build|lib|out)\/(.*)$/.exec(clean);
    if (built) out.push(`src/${built[1]}`);
  }
  out.push(...(sub === '' ? ['src/index', 'index'] : [`src/${sub}`, sub]));
  return [...new Set(out)].map((path) => posix.join(pkg.dir, path));
}

/** Paths `exports` gives a subpath: a string, a map of subpaths (with one `*`), or conditions. */
function exportTargets(exports: unknown, sub: string): string[] {
  if (exports === undefined || exports === null) return [];
  if (typeof exports === 'string' || Array.isArray(exports)) return sub === '' ? conditionValues(exports) : [];
  if (typeof exports !== 'object') return [];
  const map = exports as Record<string, unknown>;
  const keys = Object.keys(map);
  if (!keys.some((k) => k.startsWith('.'))) return sub === '' ? conditionValues(map) : [];
  const wanted = sub === '' ? '.' : `./${sub}`;
  if (wanted in map) return conditionValues(map[wanted]);
  for (const key of keys) {
    const star = key.indexOf('*');
    if (star < 0) continue;
    const head = key.slice(0, star);
    const tail = key.slice(star + 1);
    if (!wanted.startsWith(head) || !wanted.endsWith(tail) || wanted.length < head.length + tail.length) continue;
    const matched = wanted.slice(head.length, wanted.length - tail.length);
    return conditionValues(map[key]).map((v) => v.replace('*', matched));
  }
  return [];
}

function conditionValues(value: unknown, depth = 0): string[] {
  if (typeof value === 'string') return [value];
  if (depth > 4 || !value || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v) => conditionValues(v, depth + 1));
  const record = value as Record<string, unknown>;
  const keys = [...CONDITIONS.filter((c) => c in record), ...Object.keys(record).filter((k) => !CONDITIONS.includes(k))];
  return keys.flatMap((k) => conditionValues(record[k], depth + 1));
}
