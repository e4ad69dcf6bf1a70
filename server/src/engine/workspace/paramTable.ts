// The workspace's call-site arguments (see js/callSites.ts): for each function a file declares,
// the platform values other files (or the file itself) pass to its parameters. A parameter
// placeholder resolves to what its callers pass. Rebuilt when asked after a file that passes
// such values changes.

import type { Ref } from '../refs';
import { SELF_SPEC } from '../js/callSites';
import type { JsFacts } from '../js/facts';

export interface PassedValue {
  /** The calling file: the value's workspace imports resolve from there. */
  file: string;
  ref: Ref;
  /** Set when the value is a property of an object literal argument. */
  path?: string[];
}

export class ParamTable {
  private table?: Map<string, PassedValue[]>;

  constructor(
    private readonly facts: () => Iterable<[string, JsFacts | undefined]>,
    private readonly resolveFile: (fromFile: string, spec: string) => string | undefined,
  ) {}

  /** What callers pass to parameter `index` of the function `key` of `file`, in caller path order. */
  passed(file: string, key: string, index: number): PassedValue[] {
    return this.values().get(`${file}\0${key}/${index}`) ?? [];
  }

  /** Files whose functions are passed platform values (they need a parse to have placeholders). */
  targets(isPlatform: (value: PassedValue) => boolean): Set<string> {
    const out = new Set<string>();
    for (const [key, values] of this.values()) if (values.some(isPlatform)) out.add(key.slice(0, key.indexOf('\0')));
    return out;
  }

  private values(): Map<string, PassedValue[]> {
    if (this.table) return this.table;
    const table = new Map<string, PassedValue[]>();
    const entries = [...this.facts()].filter(([, facts]) => facts?.args);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [file, facts] of entries) {
      for (const arg of facts!.args!) {
        const target = arg.spec === SELF_SPEC ? file : this.resolveFile(file, arg.spec);
        if (!target) continue;
        const key = `${target}\0${arg.key}/${arg.index}`;
        const value: PassedValue = { file, ref: arg.ref };
        if (arg.path) value.path = arg.path;
        const list = table.get(key);
        if (list) list.push(value);
        else table.set(key, [value]);
      }
    }
    return (this.table = table);
  }

  /**
   * A file is set or removed: forget the table if it passed values before or does now. Returns the
   * files whose parameters callers now pass other values to (their placeholders resolve anew); an
   * edit that passes the same values, as most keystrokes do, names none.
   */
  changed(file: string, before?: JsFacts, after?: JsFacts): string[] {
    if (!before?.args && !after?.args) return [];
    this.table = undefined;
    const was = this.passedBy(file, before);
    const now = this.passedBy(file, after);
    const out: string[] = [];
    for (const target of new Set([...was.keys(), ...now.keys()])) {
      if (was.get(target) !== now.get(target)) out.push(target);
    }
    return out;
  }

  /** What a file's calls pass, by the file that declares the called function (a signature to compare). */
  private passedBy(file: string, facts?: JsFacts): Map<string, string> {
    const byTarget = new Map<string, string[]>();
    for (const arg of facts?.args ?? []) {
      const target = arg.spec === SELF_SPEC ? file : this.resolveFile(file, arg.spec);
      if (!target) continue;
      const list = byTarget.get(target);
      const signature = JSON.stringify([arg.key, arg.index, arg.path, arg.ref]);
      if (list) list.push(signature);
      else byTarget.set(target, [signature]);
    }
    return new Map([...byTarget].map(([target, list]) => [target, list.join('\n')]));
  }

  /** Files were added or removed: specifiers may resolve to other files now. */
  forget(): void {
    this.table = undefined;
  }
}
