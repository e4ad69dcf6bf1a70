// Findings with where they live (document URI, a label for people), for the panel, the tree view
// and the checklist. Settings (kinds, overrides, include/exclude) apply as they do to diagnostics.

import { basename } from 'node:path';
import type { Finding } from '../engine/types';
import type { SourceLocation } from '../protocol';
import { visibleFindings } from './diagnostics';
import type { FolderIndex } from './folderIndex';
import { uriOf } from './folders';
import type { Session } from './session';
import { pathSelected } from './settings';

/** A visible finding with where it lives: its document URI and a label for people. */
export interface LocatedFinding {
  finding: Finding;
  folder: FolderIndex;
  /** Root-relative path inside its folder. */
  rel: string;
  uri: string;
  /** Root-relative path, prefixed by the folder's name when the workspace has several folders. */
  label: string;
}

/** Every finding the editor shows in the workspace folders (settings applied), in label and position order. */
export function locatedFindings(session: Session): LocatedFinding[] {
  const folders = session.folders.workspace();
  const out: LocatedFinding[] = [];
  for (const folder of folders) {
    const settings = session.folderSettingsOf(folder);
    for (const [rel, findings] of folder.findings) {
      if (!pathSelected(settings, rel)) continue;
      const uri = uriOf(folder, rel);
      const label = folders.length > 1 ? `${basename(folder.root)}/${rel}` : rel;
      for (const finding of visibleFindings(findings, settings)) out.push({ finding, folder, rel, uri, label });
    }
  }
  return out.sort(byPosition);
}

export function byPosition(a: LocatedFinding, b: LocatedFinding): number {
  return a.label < b.label ? -1 : a.label > b.label ? 1 : a.finding.line - b.finding.line || a.finding.column - b.finding.column;
}

export function locationOf(located: LocatedFinding): SourceLocation {
  const f = located.finding;
  return { uri: located.uri, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn };
}

export function firstOf(located: LocatedFinding[]): SourceLocation | undefined {
  return located.length > 0 ? locationOf(located[0]) : undefined;
}
