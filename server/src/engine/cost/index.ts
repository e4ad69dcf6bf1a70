// The migration-cost model (docs/cost-model.md). Callers: audit.ts (the JSON `cost`), the CLI
// reports, and the language server (status bar, panel).

export { estimateCost, adoptionCost, resolveCalibration, costBasis } from './estimate';
export { costDelta, platformName, signedRange } from './delta';
export { applyOverrides, builtinCalibration, loadCalibration, completenessProblems } from './calibration';
export type { Calibration, ResolvedCalibration } from './calibration';
export { fileRole } from './structure';
export type * from './types';
