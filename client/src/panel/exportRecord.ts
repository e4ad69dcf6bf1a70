// When the exit plan was last exported, kept in workspace state: the checklist's "are the
// platform-specific parts written down?" is answered from it.

import type * as vscode from 'vscode';
import type { ExitPlanExport } from './model';

const KEY = 'lockinLens.exitPlanExport';

export function lastExport(state: vscode.Memento): ExitPlanExport | undefined {
  return state.get<ExitPlanExport>(KEY);
}

export function rememberExport(state: vscode.Memento, record: ExitPlanExport): Thenable<void> {
  return state.update(KEY, record);
}
