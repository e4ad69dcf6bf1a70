// Every custom message between the extension (client) and the language server, declared once.
// Both sides import this file; it depends only on the protocol package, not on either runtime.

import { NotificationType, ProtocolRequestType, WorkDoneProgressParams } from 'vscode-languageserver-protocol';

/** What the Lock-in Lens diagnostics carry in `Diagnostic.data`. */
export interface FindingData {
  ruleId: string;
  kind: 'lockin' | 'security';
  platform: string;
  category: string;
  effort?: string;
  cwe?: string;
  fingerprint: string;
}

export interface AuditWorkspaceParams {
  /** Limit to one workspace folder (URI); all folders when absent. */
  folderUri?: string;
}

export interface WorkspaceSummary {
  files: number;
  security: number;
  /** Security findings of severity error (the status bar turns to a warning colour only for these). */
  securityErrors: number;
  lockin: number;
  errors: number;
  skipped: number;
  ms: number;
  /** Provisional migration-effort range in hours (see the cost model). */
  cost: { low: number; high: number };
  /** Lock-in touch points per platform, largest first. */
  platforms: { platform: string; findings: number; low: number; high: number }[];
}

/** client → server: audit every file of the workspace now; reports work-done progress, cancellable. */
export const AuditWorkspaceRequest = new ProtocolRequestType<AuditWorkspaceParams & WorkDoneProgressParams, WorkspaceSummary, never, void, void>('lockin/auditWorkspace');

/** server → client: the workspace totals changed (after an edit, a file change or an audit). */
export const SummaryChangedNotification = new NotificationType<WorkspaceSummary>('lockin/summaryChanged');

/** server → client: something the user should see once (a rule folder that failed to load, …). */
export const ShowMessageOnceNotification = new NotificationType<{ key: string; message: string }>('lockin/showMessageOnce');

/** Command ids shared by code actions (server) and their handlers (client). */
export const Commands = {
  suppressFinding: 'lockinLens.suppressFinding',
  openRuleDocs: 'lockinLens.openRuleDocs',
} as const;

/** Arguments of the suppress command: the client asks for the reason, then inserts the comment. */
export interface SuppressFindingArgs {
  uri: string;
  /** 0-based line of the finding. */
  line: number;
  ruleId: string;
  /** Comment leader for the file's language (`//`, `#`, `--`). */
  commentPrefix: string;
}

// ── The lock-in panel, the findings tree and the exit plan ─────────────────────────────────────

/** A range of effort (or calendar time) in the unit its container names. */
export interface HoursRange {
  low: number;
  high: number;
}

/** A place in a file: 1-based line and column, as in the JSON report. */
export interface SourceLocation {
  uri: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface CapabilityCost {
  category: string;
  /** For people: "SDK and client". */
  name: string;
  range: HoursRange;
  touchPoints: number;
  files: number;
  /** Whether the touch points sit behind modules or spread through UI code, in one sentence. */
  structure?: string;
  /** How the range was made (rules, counts, weights), one line each. */
  terms: string[];
  /** The first touch point, opened when the row is clicked. */
  at?: SourceLocation;
}

export interface PlatformCost {
  platform: string;
  /** For people: "Base44". */
  name: string;
  range: HoursRange;
  touchPoints: number;
  capabilities: CapabilityCost[];
  /** Data and account migration notes (password hashes, export formats, …). */
  notes?: string[];
  at?: SourceLocation;
}

export interface FileCost {
  uri: string;
  /** Workspace-relative path (prefixed by the folder name in a multi-root workspace). */
  label: string;
  platforms: string[];
  touchPoints: number;
  /** Present when the cost model prices files. */
  range?: HoursRange;
  at: SourceLocation;
}

/** One term of the estimate, as the headline's "why this wide" lists it. */
export interface WideTerm {
  platform: string;
  category: string;
  label: string;
  range: HoursRange;
}

export interface CostView {
  provisional: boolean;
  /** Why the estimate is provisional (the audit saw the SDK far more often than its calls). */
  provisionalReasons?: string[];
  /** One sentence on how the numbers were made. */
  basis: string;
  /** The most likely hours: the figure to plan with. */
  likely?: number;
  total: HoursRange;
  /** Why the range is as wide as it is: named uncertainties with their share of the width, largest first. */
  width?: { name: string; share: number }[];
  /** The same work with LLM assistance on the code terms, when the model gives it. */
  assisted?: HoursRange;
  /** Elapsed time apart from effort (dual-run windows), when the model gives it. */
  calendar?: { range: HoursRange; unit: string; note?: string };
  /** Money, when the team set an hourly rate. */
  money?: { range: HoursRange; currency: string };
  platforms: PlatformCost[];
  /** Files with the most touch points, most first. */
  topFiles: FileCost[];
  /** The terms whose ranges are widest (high minus low), widest first: why the total is wide. */
  widest: WideTerm[];
  /** What the estimate assumes, one sentence each. */
  assumptions?: string[];
}

export type ChecklistId = 'backend-blocking' | 'data-model' | 'security-defaults' | 'migration-cost' | 'failure-paths' | 'documented';

/**
 * ok: the evidence says yes; attention: it says look here; ask: code cannot answer; todo: not done
 * yet; estimate: the code gives an estimate, which is not the same as knowing.
 */
export type ChecklistStatus = 'ok' | 'attention' | 'ask' | 'todo' | 'estimate';

export interface ChecklistAnswer {
  id: ChecklistId;
  question: string;
  status: ChecklistStatus;
  evidence: string;
  at?: SourceLocation;
}

export interface CostChangedParams {
  files: number;
  lockin: number;
  cost: CostView;
  security: { total: number; errors: number; warnings: number; at?: SourceLocation };
  /** The decision checklist of design.md §0; `documented` is completed by the client (it knows when the plan was exported). */
  checklist: ChecklistAnswer[];
  /** Against `.lockin-lens/baseline.json`, when the workspace has one. */
  baseline?: BaselineDelta;
  /** An open document has edits not checked yet: the figures are those of the versions last checked. */
  stale?: boolean;
}

export interface BaselineDelta {
  newFindings: number;
  accepted: number;
  gone: number;
  total: HoursRange;
  /** One sentence per platform that moved: "+6–9 h of Supabase coupling". */
  summary: string[];
}

/** server → client: what the lock-in panel shows changed (sent with `lockin/summaryChanged`, only when different). */
export const CostChangedNotification = new NotificationType<CostChangedParams>('lockin/costChanged');

export interface TreeFinding {
  ruleId: string;
  message: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  at: SourceLocation;
}

export interface TreeFile {
  uri: string;
  label: string;
  findings: TreeFinding[];
}

export interface TreeCapability {
  category: string;
  /** For people: "Access control", "SDK and client". */
  name: string;
  count: number;
  files: TreeFile[];
}

export interface TreePlatform {
  platform: string;
  /** For people: "Base44", "AWS Amplify". */
  name: string;
  count: number;
  capabilities: TreeCapability[];
}

export interface FindingsTree {
  /** Lock-in findings by platform → capability → file, platforms by estimated cost. */
  lockin: TreePlatform[];
  /** Security findings in the same shape, apart. */
  security: TreePlatform[];
}

/** client → server: every visible finding grouped for the explorer's tree view. */
export const FindingsTreeRequest = new ProtocolRequestType<Record<string, never>, FindingsTree, never, void, void>('lockin/findingsTree');

export interface TouchPointsParams {
  uri: string;
}

/** A lock-in touch point of one document (0-based positions, as LSP ranges). */
export interface TouchPoint {
  ruleId: string;
  platform: string;
  category: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export interface TouchPoints {
  points: TouchPoint[];
  /** Per platform in this file: its name, touch points and this file's share of the estimate. */
  platforms: { platform: string; name: string; count: number; range?: HoursRange }[];
}

/** client → server: a document's lock-in touch points, for the CodeLens summary and the highlights. */
export const TouchPointsRequest = new ProtocolRequestType<TouchPointsParams, TouchPoints, never, void, void>('lockin/touchPoints');

export interface ExitPlanParams {
  /** One workspace folder (URI); the first folder when absent. */
  folderUri?: string;
}

export interface ExitPlan {
  markdown: string;
  /** The folder the plan describes. */
  folderUri: string;
}

/** client → server: the exit plan of one folder as Markdown, from the findings the server holds. */
export const ExitPlanRequest = new ProtocolRequestType<ExitPlanParams, ExitPlan, never, void, void>('lockin/exitPlan');
