// The workspace's framework context (see js/frameworkContext.ts): the values files write under a
// key (`locals.supabase`, `var.db`, `env.DB`, a SvelteKit load's `data.supabase`), and the bindings Wrangler configs declare for a
// Worker's `env`. Rebuilt when asked after a file that writes context (or a Wrangler config) changes.

import type { Ref } from '../refs';
import type { FileScan } from '../scan/scanFile';
import { posix } from 'node:path';
import { isWorkerEnvKey, workerEnvKey } from '../js/frameworkContext';
import { isWranglerConfig, wranglerBindings } from './wrangler';
import { LiteralScan } from '../util/literalScan';

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

  constructor(private readonly scans: ReadonlyMap<string, FileScan>) {}

  /** Values by key; a file's own writes come first, in path order, then Wrangler's bindings. */
  values(): Map<string, ContextValue> {
    if (this.table) return this.table;
    const table = new Map<string, ContextValue>();
    const files = [...this.scans.keys()].sort();
    for (const file of files) {
      for (const [key, ref] of Object.entries(this.scans.get(file)!.facts?.context ?? {}))
        if (!table.has(key)) table.set(key, { file, ref });
    }
    for (const file of files.filter(isWranglerConfig)) {
      for (const [name, type] of wranglerBindings(file, this.scans.get(file)!.text)) {
        if (!table.has(`env.${name}`))
          table.set(`env.${name}`, { file, ref: { root: { kind: 'global', name: type }, path: [] } });
      }
      const dir = posix.dirname(file);
      table.set(workerEnvKey(dir === '.' ? '' : dir), { file, ref: WORKER_ENV });
    }
    return (this.table = table);
  }

  /** A file is set or removed: forget the table if it wrote context before or does now. */
  changed(file: string, before?: FileScan, after?: FileScan): void {
    if (before?.facts?.context || after?.facts?.context || isWranglerConfig(file)) this.table = undefined;
  }

  /** Could this text read a key some file writes (`locals.supabase`, `c.get('db')`, `env.DB`)? */
  mayRead(text: string): boolean {
    // By carrier: its few words first, then one pass for the names (a workspace may write hundreds).
    for (const { words, names } of this.readers())
      if (words.some((word) => text.includes(word)) && names(text)) return true;
    return false;
  }

  private readerList?: {
    table: Map<string, ContextValue>;
    list: { words: string[]; names: (text: string) => boolean }[];
  };

  /** The keys' names grouped by carrier, each group tested in one pass; rebuilt with the table. */
  private readers(): { words: string[]; names: (text: string) => boolean }[] {
    const table = this.values();
    if (this.readerList?.table === table) return this.readerList.list;
    const byCarrier = new Map<string, Set<string>>();
    for (const key of table.keys()) {
      if (isWorkerEnvKey(key)) continue; // a Worker's folder: what its code reads are env.NAME keys
      const dot = key.indexOf('.');
      const carrier = key.slice(0, dot);
      if (!CARRIER_WORDS[carrier]) continue;
      byCarrier.set(carrier, (byCarrier.get(carrier) ?? new Set()).add(key.slice(dot + 1)));
    }
    const list = [...byCarrier].map(([carrier, names]) => ({
      words: CARRIER_WORDS[carrier],
      names: anyOf([...names]),
    }));
    this.readerList = { table, list };
    return list;
  }
}

/** A test of whether a text holds any of these names: one pass for all (a one-letter name is looked up alone). */
function anyOf(names: string[]): (text: string) => boolean {
  const short = names.filter((name) => name.length < 2);
  const long = names.filter((name) => name.length >= 2);
  const scan = long.length > 0 ? new LiteralScan(long.map((text) => ({ text }))) : undefined;
  return (text) => short.some((name) => text.includes(name)) || (scan !== undefined && scan.find(text).size > 0);
}
