// `lockin/exitPlan`: one folder's exit plan as Markdown (the engine's formatMarkdown, as the CLI's
// `--format markdown`), from the findings the server holds with the editor's settings applied, so
// the export matches what the panel shows. No file is re-read.

import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AuditReport } from '../engine/audit';
import { formatMarkdown } from '../engine/report/markdown';
import { textLength } from '../engine/workspace/closedTexts';
import type { ExitPlan, ExitPlanParams } from '../protocol';
import { estimate } from './costView';
import type { FolderIndex } from './folderIndex';
import { locatedFindings } from './located';
import type { Session } from './session';
import { costOptionsOf } from './settings';

export async function exitPlan(session: Session, params: ExitPlanParams): Promise<ExitPlan> {
  await session.openDocuments.analysePending(); // the export describes every edit made so far
  await session.settled();
  const folder = pickFolder(session, params.folderUri);
  if (!folder) throw new Error('Lock-in Lens: no workspace folder to describe');
  const report = folderReport(session, folder);
  return { markdown: formatMarkdown(report, folder.state.index.rules), folderUri: pathToFileURL(folder.root).toString() };
}

function pickFolder(session: Session, folderUri: string | undefined): FolderIndex | undefined {
  const folders = session.folders.workspace();
  if (!folderUri) return folders[0];
  const root = fileURLToPath(folderUri);
  return folders.find((f) => f.root === root);
}

/** The report an audit of this folder would give, from the state the server keeps current. */
export function folderReport(session: Session, folder: FolderIndex): AuditReport {
  const findings = locatedFindings(session)
    .filter((l) => l.folder === folder)
    .map((l) => l.finding)
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  let bytes = 0;
  for (const scan of folder.state.scans.values()) bytes += textLength(scan);
  return {
    version: 1,
    root: folder.root,
    findings,
    cost: estimate(findings, costOptionsOf(session.folderSettingsOf(folder))),
    errors: [...folder.errors],
    stats: { files: folder.state.scans.size, bytes, skipped: folder.skipped, ms: 0, skippedByReason: {} },
  };
}
