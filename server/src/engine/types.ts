// Shared vocabulary of the engine (design.md §2, §3). No editor imports here or anywhere in engine/.

export type Kind = 'lockin' | 'security';
export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type EffortGrade = 'S' | 'M' | 'L' | 'XL';

export const SEVERITY_RANK: Record<Severity, number> = { error: 4, warning: 3, info: 2, hint: 1 };

/** A finding as the JSON report carries it (design.md §3). Lines and columns are 1-based. */
export interface Finding {
  ruleId: string;
  kind: Kind;
  platform: string;
  category: string;
  severity: Severity;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  fingerprint: string;
  /** Baselines: rule + normalised flagged code + enclosing symbol (no file or line); not unique. */
  contentFingerprint?: string;
  /** The enclosing function, class, rules `match` or SQL statement, when there is one. */
  symbol?: string;
  effort?: EffortGrade;
  cwe?: string;
  /**
   * Lock-in findings: the lines of the function, component, method or top-level statement that
   * holds the finding (in configuration: its TOML section, JSON key, rules block or SQL statement).
   * The cost model bounds the work of leaving a platform by a rewrite of these lines.
   */
  unit?: { line: number; endLine: number };
}

export interface ScanError {
  file: string;
  message: string;
}

export type SkipReason = 'ignored-dir' | 'gitignored' | 'too-large' | 'binary' | 'unreadable' | 'excluded' | 'symlink';

export interface SkippedEntry {
  file: string;
  reason: SkipReason;
}

/** A zero-based half-open range of character offsets in one file. */
export interface Span {
  start: number;
  end: number;
}

/** What a rule matcher produced before positions are turned into lines. */
export interface RawHit {
  ruleId: string;
  span: Span;
  /** Values for the message template: arg0, $1, name, match. Never raw secrets. */
  vars?: Record<string, string>;
}
