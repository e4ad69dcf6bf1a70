// Workspace specifiers in a file's text, for JS files the prefilter left unparsed (no facts to read
// their imports from): every quoted string that starts as a relative path or a declared alias
// does (`'./api/base44Client'`, `"@/lib/db"`). A superset of the file's workspace imports (a path
// in a comment counts too), which is the safe side for what is asked of it: could this file reach
// a module exporting a platform binding?

import { escapeRegExp } from '../util/regexp';

const searches = new Map<string, RegExp>();

export function quotedWorkspaceSpecifiers(text: string, aliasPrefixes: readonly string[]): string[] {
  const key = aliasPrefixes.join('\n');
  let search = searches.get(key);
  if (!search) {
    const starts = ['./', '../', '/', ...aliasPrefixes].map(escapeRegExp).join('|');
    search = new RegExp(`(['"\`])((?:${starts})[^'"\`\\n]*|\\.\\.?)\\1`, 'g');
    if (searches.size >= 16) searches.clear(); // (alias sets change only when a project config does)
    searches.set(key, search);
  }
  return [...text.matchAll(search)].map((m) => m[2]);
}
