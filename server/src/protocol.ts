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
