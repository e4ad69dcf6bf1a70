// Facts and hits of a scanned file, made to outlive its text and its tree. What the parser hands out
// for a name or a string of 13 characters or more is a slice of the file's text, and V8 keeps the
// whole text alive for each slice: a workspace's facts held every text they were read from, even
// once nothing else did. Each string is replaced here by one copy of its own, shared by every file
// that has it, and each reference (root and path) by one shared object: the same `supabase.from()`
// recurs in site after site. Measured on one app of the corpus (4,000 files, 91,000 sites): sites
// took 26 MB besides the texts they kept.
//
// Facts are plain data, never changed once made (extend() and the resolver make new references), so
// sharing them changes no answer.

import type { JsFacts } from '../js/facts';
import type { Ref, Root } from '../refs';
import type { RawHit } from '../types';
import { ownString } from '../util/ownString';

/** Past this many distinct strings (or references) the tables start over: they only save memory. */
const MAX_ENTRIES = 200_000;

export class FactCompactor {
  private readonly strings = new Map<string, string>();
  private readonly refs = new Map<string, Ref>();

  /**
   * Forgets the tables once a batch of files is in (the facts keep their shared strings): on the
   * corpus they held 13 MB of keys and entries that only the next scans would have used.
   */
  forget(): void {
    this.strings.clear();
    this.refs.clear();
  }

  /** Compacts a fresh scan's facts and hits in place (not the frozen empty facts). */
  compactScan(scan: { facts?: JsFacts; hits: RawHit[] }): void {
    if (scan.facts && !Object.isFrozen(scan.facts)) this.compactObject(scan.facts as unknown as Record<string, unknown>);
    for (const hit of scan.hits) if (hit.vars) this.compactObject(hit.vars);
  }

  /** One string of the table's: a copy owning its characters, the same one for every equal string. */
  string(value: string): string {
    let own = this.strings.get(value);
    if (own === undefined) {
      if (this.strings.size >= MAX_ENTRIES) this.strings.clear();
      own = ownString(value);
      this.strings.set(own, own);
    }
    return own;
  }

  private compact(value: unknown): unknown {
    if (typeof value === 'string') return this.string(value);
    if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = this.compact(value[i]);
      return value;
    }
    if (isRef(value)) return this.ref(value);
    return this.compactObject(value as Record<string, unknown>);
  }

  private compactObject(object: Record<string, unknown>): Record<string, unknown> {
    for (const key of Object.keys(object)) {
      const value = object[key];
      if (typeof value === 'string' || (typeof value === 'object' && value !== null)) object[key] = this.compact(value);
    }
    return object;
  }

  private ref(ref: Ref): Ref {
    const key = `${rootKey(ref.root)}\0${ref.path.join('\0')}`;
    let shared = this.refs.get(key);
    if (!shared) {
      if (this.refs.size >= MAX_ENTRIES) this.refs.clear();
      shared = { root: this.compactObject({ ...ref.root }) as unknown as Root, path: ref.path.map((s) => this.string(s)) };
      this.refs.set(this.string(key), shared);
    }
    return shared;
  }
}

/** A Ref has a root of a known kind and a path, and nothing else (a Site holds one, it is none). */
function isRef(value: object): value is Ref {
  const keys = Object.keys(value);
  return keys.length === 2 && 'root' in value && Array.isArray((value as Ref).path);
}

/** Every field of the root, so roots of different kinds or fields never share a key. */
function rootKey(root: Root): string {
  const fields = root as unknown as Record<string, string>;
  return Object.keys(fields).map((k) => `${k}=${fields[k]}`).join('\u0001');
}
