// The workspace folders the server serves, each with its rules. Built-in rules always load; rule
// folders from settings and `.lockin-lens/rules` load only in a trusted workspace.

import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { builtinRulesDir } from '../engine/rules/builtin';
import { loadRules, RuleSet } from '../engine/rules/load';
import { FolderIndex } from './folderIndex';

export const WORKSPACE_RULES_DIR = join('.lockin-lens', 'rules');

export interface RuleSources {
  trusted: boolean;
  /** Extra rule folders from settings (absolute, or relative to the workspace folder). */
  ruleFolders: string[];
}

export function rulesFor(root: string, sources: RuleSources): RuleSet {
  const builtin = builtinRulesDir();
  const folders = [builtin];
  if (sources.trusted) {
    for (const folder of sources.ruleFolders) folders.push(isAbsolute(folder) ? folder : join(root, folder));
    const local = join(root, WORKSPACE_RULES_DIR);
    if (existsSync(local)) folders.push(local);
  }
  return loadRules(folders, builtin);
}

export class Folders {
  private readonly folders: FolderIndex[] = [];
  /** Files opened outside every workspace folder get a folder of their own (their directory). */
  private readonly loose = new Map<string, FolderIndex>();

  add(index: FolderIndex): void {
    this.folders.push(index);
    this.folders.sort((a, b) => b.root.length - a.root.length); // innermost folder wins
  }

  removeRoot(root: string): void {
    const at = this.folders.findIndex((f) => f.root === root);
    if (at >= 0) this.folders.splice(at, 1);
  }

  all(): FolderIndex[] {
    return [...this.folders, ...this.loose.values()];
  }

  /**
   * The workspace folders alone: what counts, the tree and the panel cover. Loose folders (files
   * opened from elsewhere, such as the editor's own settings) keep their diagnostics but count
   * nowhere, as an audit of the workspace would not read them.
   */
  workspace(): FolderIndex[] {
    return [...this.folders];
  }

  /** The workspace folder holding a file, or undefined for a file outside them all. */
  inWorkspace(uri: string): { folder: FolderIndex; rel: string } | undefined {
    if (!uri.startsWith('file:')) return undefined;
    const fsPath = fileURLToPath(uri);
    for (const folder of this.folders) {
      const rel = folder.relativePath(fsPath);
      if (rel !== undefined) return { folder, rel };
    }
    return undefined;
  }

  /** The folder holding a document, creating a loose one for files outside the workspace. */
  forUri(uri: string, makeLoose: (root: string) => FolderIndex): { folder: FolderIndex; rel: string } | undefined {
    const inside = this.inWorkspace(uri);
    if (inside || !uri.startsWith('file:')) return inside;
    const fsPath = fileURLToPath(uri);
    const dir = dirname(fsPath);
    let folder = this.loose.get(dir);
    if (!folder) {
      folder = makeLoose(dir);
      this.loose.set(dir, folder);
    }
    const rel = folder.relativePath(fsPath);
    return rel === undefined ? undefined : { folder, rel };
  }
}

export function uriOf(folder: FolderIndex, rel: string): string {
  return pathToFileURL(join(folder.root, rel)).toString();
}
