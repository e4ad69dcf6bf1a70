// What the panel renders: the server's `lockin/costChanged` model with the one checklist answer only
// the editor knows (when the exit plan was last exported). No `vscode` import: unit-testable.

import type { ChecklistAnswer, CostChangedParams } from '../../../server/src/protocol';

/** Remembered in workspace state each time "Export Exit Plan" writes a file. */
export interface ExitPlanExport {
  /** ISO time of the export. */
  at: string;
  /** Where it was written, workspace-relative when inside the workspace. */
  file: string;
  /** Lock-in touch points and estimate at the time, to tell whether the plan is out of date. */
  lockin: number;
  total: { low: number; high: number };
}

export interface PanelModel extends CostChangedParams {
  exported?: ExitPlanExport;
}

export function panelModel(params: CostChangedParams, exported: ExitPlanExport | undefined): PanelModel {
  return { ...params, exported, checklist: params.checklist.map((a) => (a.id === 'documented' ? documented(a, params, exported) : a)) };
}

function documented(answer: ChecklistAnswer, params: CostChangedParams, exported: ExitPlanExport | undefined): ChecklistAnswer {
  if (!exported) return { ...answer, status: 'todo', evidence: 'The exit plan has not been exported yet: export it and keep it with the code.' };
  const when = exported.at.slice(0, 10);
  const drift = params.lockin - exported.lockin;
  if (drift === 0 && exported.total.high === params.cost.total.high) {
    return { ...answer, status: 'ok', evidence: `Exit plan exported on ${when} to ${exported.file}; it still matches the code.` };
  }
  const change = drift === 0 ? 'the estimate changed' : `${Math.abs(drift)} touch points ${drift > 0 ? 'added' : 'removed'}`;
  return { ...answer, status: 'attention', evidence: `Exit plan exported on ${when} to ${exported.file}; since then ${change}: export it again.` };
}
