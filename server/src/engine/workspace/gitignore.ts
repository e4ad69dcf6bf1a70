// Enough of .gitignore to keep generated and vendored files out of an audit: comments, negation,
// directory-only patterns, anchored patterns, and nested .gitignore files scoped to their folder.

import { Minimatch } from 'minimatch';

interface IgnorePattern {
  /** Folder of the .gitignore that declared it, root-relative ('' for the root). */
  base: string;
  negate: boolean;
  dirOnly: boolean;
  matcher: Minimatch;
}

export class IgnoreRules {
  private readonly patterns: IgnorePattern[] = [];

  add(base: string, text: string): void {
    for (let line of text.split(/\r?\n/)) {
      line = line.replace(/(?<!\\)\s+$/, '');
      if (!line || line.startsWith('#')) continue;
      const negate = line.startsWith('!');
      if (negate) line = line.slice(1);
      const dirOnly = line.endsWith('/');
      if (dirOnly) line = line.slice(0, -1);
      const anchored = line.includes('/');
      line = line.replace(/^\//, '');
      if (!line) continue;
      const glob = anchored ? line : `**/${line}`;
      this.patterns.push({ base, negate, dirOnly, matcher: new Minimatch(glob, { dot: true }) });
    }
  }

  /** Is this root-relative path ignored? The last matching pattern wins, as in git. */
  ignores(rel: string, isDir: boolean): boolean {
    let ignored = false;
    for (const p of this.patterns) {
      if (p.dirOnly && !isDir) continue;
      if (p.base && !rel.startsWith(p.base + '/')) continue;
      const local = p.base ? rel.slice(p.base.length + 1) : rel;
      if (p.matcher.match(local)) ignored = !p.negate;
    }
    return ignored;
  }

  /** A copy that later add() calls on the copy do not affect (nested folders extend their parent's). */
  clone(): IgnoreRules {
    const copy = new IgnoreRules();
    copy.patterns.push(...this.patterns);
    return copy;
  }
}
