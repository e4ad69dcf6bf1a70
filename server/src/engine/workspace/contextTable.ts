// The workspace's framework context (see js/frameworkContext.ts): the values files write under a
// key (`locals.supabase`, `var.db`, `env.DB`, a SvelteKit load's `data.supabase`), and the bindings
// Wrangler configs declare for a Worker's `env`. Rebuilt when asked after a file that writes context
// (or a Wrangler config) changes.

import type { Ref } from '../refs';
import type { FileScan } from '../scan/scanFile';
import { posix } from 'node:path';
import { isWorkerEnvKey, workerEnvKey } from '../js/frameworkContext';
import { isWranglerConfig, wranglerBindings } from './wrangler';
import { LiteralScan } from '../util/literalScan';
import { escapeRegExp } from '../util/regexp';

/** What `env` from 'cloudflare:workers' is: the Worker's bindings. */
const WORKER_ENV: Ref = { root: { kind: 'module', module: 'cloudflare:workers' }, path: ['env'] };

export interface ContextValue {
  file: string;
  ref: Ref;
}

/** Words a file reading each carrier's keys must contain (the prefilter's test for a parse). */
const CARRIER_WORDS: Record<string, string[]> = {
  locals: ['locals'],
  var: ['.get(', '.var.'],
  env: ['env'],
  data: ['$props('],
};

export class ContextTable {
  private table?: Map<string, ContextValue>;
  /** The writes the table was made from (readers() groups them by project): made once per table. */
  private tableWrites: Write[] = [];

  constructor(private readonly scans: ReadonlyMap<string, FileScan>) {}

  /** Values by key; a file's own writes come first, in path order, then Wrangler's bindings. */
  values(): Map<string, ContextValue> {
    if (this.table) return this.table;
    const table = new Map<string, ContextValue>();
    // A Worker folder's key goes to its last Wrangler config (all give the same `env`); others to the first write.
    this.tableWrites = this.writes();
    for (const { key, value } of this.tableWrites) if (!table.has(key) || isWorkerEnvKey(key)) table.set(key, value);
    return (this.table = table);
  }

  /** Every write, in the order values() takes the first of each key from. */
  private writes(): Write[] {
    const out: Write[] = [];
    const files = [...this.scans.keys()].sort();
    for (const file of files) {
      for (const [key, ref] of Object.entries(this.scans.get(file)!.facts?.context ?? {}))
        out.push({ key, value: { file, ref } });
    }
    for (const file of files.filter(isWranglerConfig)) {
      for (const [name, type] of wranglerBindings(file, this.scans.get(file)!.text))
        out.push({ key: `env.${name}`, value: { file, ref: { root: { kind: 'global', name: type }, path: [] } } });
      const dir = posix.dirname(file);
      out.push({ key: workerEnvKey(dir === '.' ? '' : dir), value: { file, ref: WORKER_ENV } });
    }
    return out;
  }

  /**
   * A file is set or removed: forget the table if it wrote context before or does now (or, for
   * mayRead, if it is a package.json, which may move a project's bounds).
   */
  changed(file: string, before?: FileScan, after?: FileScan): void {
    if (before?.facts?.context || after?.facts?.context || isWranglerConfig(file)) this.table = undefined;
    if (posix.basename(file) === 'package.json') this.readerList = undefined;
  }

  /**
   * Could this file's text read a key some file of its project writes (`locals.supabase`,
   * `c.get('db')`, `env.DB`)? A project is the topmost folder holding a package.json (the workspace
   * root when none does): a folder holding several apps side by side must not have one app's
   * files parsed for the keys another app writes.
   */
  mayRead(file: string, text: string): boolean {
    // By carrier: its few words first, then one pass for the names (a workspace may write hundreds).
    for (const { words, names } of this.readers().get(this.projects!.of(file)) ?? [])
      if (words.some((word) => text.includes(word)) && names(text)) return true;
    return false;
  }

  /** Changes whenever mayRead's answers may: a caller may keep them while this stays the same object. */
  readersKey(): object {
    return this.readers();
  }

  private projects?: ProjectRoots;
  private readerList?: { table: Map<string, ContextValue>; byProject: Map<string, Reader[]> };

  /** The keys' names by project and carrier, each group tested in one pass; rebuilt with the table. */
  private readers(): Map<string, Reader[]> {
    const table = this.values();
    if (this.readerList?.table === table) return this.readerList.byProject;
    const projects = (this.projects = new ProjectRoots(this.scans.keys()));
    const names = new Map<string, Map<string, Set<string>>>(); // project → carrier → names
    for (const { key, value } of this.tableWrites) {
      if (isWorkerEnvKey(key)) continue; // a Worker's folder: what its code reads are env.NAME keys
      const dot = key.indexOf('.');
      const carrier = key.slice(0, dot);
      if (!CARRIER_WORDS[carrier]) continue;
      const project = projects.of(value.file);
      const carriers = names.get(project) ?? names.set(project, new Map()).get(project)!;
      carriers.set(carrier, (carriers.get(carrier) ?? new Set()).add(key.slice(dot + 1)));
    }
    const byProject = new Map<string, Reader[]>();
    for (const [project, carriers] of names) {
      byProject.set(
        project,
        [...carriers].map(([carrier, keys]) => ({ words: CARRIER_WORDS[carrier], names: anyOf([...keys]) })),
      );
    }
    this.readerList = { table, byProject };
    return byProject;
  }
}

interface Write {
  key: string;
  value: ContextValue;
}

interface Reader {
  words: string[];
  names: (text: string) => boolean;
}

/** Each file's project: the topmost folder above it holding a package.json, or '' (the workspace root). */
class ProjectRoots {
  private readonly withPackage = new Set<string>();
  private readonly byFolder = new Map<string, string>();

  constructor(files: Iterable<string>) {
    for (const file of files) if (posix.basename(file) === 'package.json') this.withPackage.add(posix.dirname(file));
  }

  of(file: string): string {
    return this.top(posix.dirname(file));
  }

  private top(folder: string): string {
    let found = this.byFolder.get(folder);
    if (found === undefined) {
      const above = folder === '.' ? '' : this.top(posix.dirname(folder));
      found = above !== '' ? above : this.withPackage.has(folder) ? folder : '';
      this.byFolder.set(folder, found);
    }
    return found;
  }
}

/**
 * A test of whether a text holds any of these names as a whole word, in one pass for all: a read names
 * its key (`locals.supabase`, `{ supabase } = locals`, `c.get('db')`), so a name inside a longer word
 * (`A` in `Array`, `user` in `username`) reads nothing, and a one-letter key would otherwise match
 * nearly every file. A one-letter name is looked up alone.
 */
function anyOf(names: string[]): (text: string) => boolean {
  const short = names
    .filter((name) => name.length < 2)
    .map((name) => new RegExp(`(?<![A-Za-z0-9_])${escapeRegExp(name)}(?![A-Za-z0-9_])`));
  const long = names.filter((name) => name.length >= 2);
  const scan = long.length > 0 ? new LiteralScan(long.map((text) => ({ text, start: true, end: true }))) : undefined;
  return (text) => short.some((name) => name.test(text)) || (scan !== undefined && scan.find(text).size > 0);
}
