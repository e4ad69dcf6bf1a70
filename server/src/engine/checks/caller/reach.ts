// Could a file reach a platform through its workspace imports? Asked of JS files the prefilter left
// unparsed: such a file names no platform module, global or env var, so a privileged call can only
// come from a helper it imports. Answering from the workspace specifiers in its text (and in the
// texts of the files they lead to) spares parsing the many files that import nothing of the kind:
// vendored SDK sources, say, that mention `supabase` and have `.get(` calls.

import type { CheckFile, LinkedView } from '../registry';
import { quotedWorkspaceSpecifiers } from '../../workspace/specifiers';

/** A chain of helpers longer than this is not followed by the analysis either. */
const MAX_HOPS = 8;

export function importsMayReach(view: LinkedView, file: CheckFile, platformModule: RegExp): boolean {
  const seen = new Set<string>([file.file]);
  let frontier: CheckFile[] = [file];
  for (let hop = 0; hop < MAX_HOPS && frontier.length > 0; hop++) {
    const next: CheckFile[] = [];
    for (const current of frontier) {
      for (const target of importedFiles(view, current)) {
        if (seen.has(target)) continue;
        seen.add(target);
        const imported = view.file(target); // the answer now depends on this file
        if (!imported) continue;
        if (!imported.prefilterSkipped && usesPlatform(imported, platformModule)) return true;
        next.push(imported);
      }
    }
    frontier = next;
  }
  return false;
}

/** Workspace files a file imports: from its facts when parsed, else from the specifiers in its text. */
function importedFiles(view: LinkedView, file: CheckFile): string[] {
  const specs = file.prefilterSkipped
    ? quotedWorkspaceSpecifiers(file.text, view.resolver.aliasPrefixes())
    : (file.facts?.imports ?? []).filter((i) => i.workspace).map((i) => i.module);
  const out: string[] = [];
  for (const spec of specs) {
    const target = view.resolver.resolveFile(file.file, spec);
    if (target !== undefined) out.push(target);
  }
  return out;
}

function usesPlatform(file: CheckFile, platformModule: RegExp): boolean {
  const facts = file.facts;
  if (!facts) return false;
  return facts.imports.some((i) => !i.workspace && platformModule.test(i.module)) || facts.sites.some((s) => s.ref.root.kind === 'module' && platformModule.test(s.ref.root.module));
}
