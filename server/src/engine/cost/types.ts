// The cost model's public shapes. The language server, the panel, the CLI reports and the JSON
// contract (design.md §3 `cost`) all read these; fields only ever grow.
// Every estimate is a most-likely figure, the sum of named terms (each saying which rule, count and
// calibration entry produced it), and a range whose width comes from named uncertainties (see
// docs/cost-model.md).

export interface Range {
  low: number;
  high: number;
}

/** What kind of work a term prices. */
export type TermKind =
  | 'seam' // one-off: introduce a portable adapter/repository/auth abstraction for the capability
  | 'sites' // move the call sites of one rule behind that seam (sub-linear in count, weighted by spread)
  | 'files' // touch, re-test and review each file that holds call sites (sub-linear)
  | 'items' // self-contained pieces of work, one per finding (a function to port, a rules file, …)
  | 'data' // export, transform and load the records the platform holds
  | 'identity' // move user accounts (password-hash compatibility, sessions, re-login)
  | 'stored-files'; // copy stored files and re-point their URLs

/** The step of an exit a term's work belongs to (the exit plan orders them). */
export type PhaseId = 'seams' | 'rebuild' | 'data' | 'accounts' | 'cutover';

/** The uncertainties an estimate's width comes from (docs/cost-model.md, "The range"). */
export type UncertaintyName = 'pace' | 'spread' | 'hashes' | 'realtime' | 'data volume';

/** How far one uncertainty can move a value below and above its most likely figure, in hours. */
export interface Swing {
  name: UncertaintyName;
  down: number;
  up: number;
}

/** A swing with its share of the range's (squared) width: "why this wide". */
export interface UncertaintyShare extends Swing {
  share: number;
}

/** One addend of an estimate and everything that produced it. */
export interface CostTerm {
  kind: TermKind;
  /** Human label: "Call sites of base44/entities". */
  label: string;
  /** The arithmetic with its inputs: "0.5–1 h × 16^0.8 × spread 2.69–4.94". */
  formula: string;
  /** Most likely hours (the middle of the calibrated weights). */
  likely: number;
  /** likely combined with its swings. */
  hours: Range;
  swings: Swing[];
  /** The rule whose findings the term counts (sites and items terms). */
  ruleId?: string;
  /** The count the term grows with (sites, files, items, data objects). */
  count?: number;
  /** Where the weights came from: `calibration: rules.base44/entities` or `settings: …`. */
  source: string;
  /** Code work that LLM assistance speeds up (false for data moves and user cut-overs). */
  assistable: boolean;
  phase: PhaseId;
}

/** Whether a capability's touch points sit behind data-access modules or spread through UI files. */
export interface StructureSignal {
  /** By the share of call sites inside UI files: concentrated ≤ 20 %, mixed, spread ≥ 50 %; none without code sites. */
  pattern: 'concentrated' | 'mixed' | 'spread' | 'none';
  /** Call sites in code (what the signal is computed over). */
  sites: number;
  uiSites: number;
  uiFiles: number;
  /** Non-UI code files (data-access modules, hooks, server code) holding call sites. */
  moduleFiles: number;
  /** uiSites / sites, 0 when there are no code sites. */
  uiShare: number;
  /** Share of the call sites held by the single busiest file. */
  topFileShare: number;
  /** Factor on the call-site terms: 1 + (uiMultiplier − 1) × uiShare. */
  multiplier: Range;
  /** One sentence for people: "9 of 16 calls sit in 4 UI files: ×2.7–4.9 on call-site work". */
  summary: string;
}

export type FileRole = 'ui' | 'module' | 'backend' | 'config';

/** Where a file's call-site work was capped by the cost of rewriting its platform-touching code. */
export interface RewriteBound {
  file: string;
  /** Lines of the functions, components or statements holding the file's touch points. */
  touchedLines: number;
  /** touchedLines ÷ the calibrated rewrite rate. */
  cap: number;
  /** The file's call-site and files work before the cap (most likely hours). */
  before: number;
}

/** A file's share of a capability's sites, files and items terms (seam and data terms are not per file). */
export interface FileCost {
  file: string;
  role: FileRole;
  findings: number;
  /** Distinct (rule, line) pairs: several calls on one line are one edit. */
  sites: number;
  /** 1-based lines of the findings, ascending. */
  lines: number[];
  likely: number;
  hours: Range;
  /** Lines of the units of code holding the file's touch points, when known. */
  touchedLines?: number;
}

export interface CapabilityCost {
  category: string;
  findings: number;
  sites: number;
  files: number;
  likely: number;
  total: Range;
  uncertainties: UncertaintyShare[];
  terms: CostTerm[];
  /** Files whose call-site work the rewrite bound capped. */
  bounds: RewriteBound[];
  structure: StructureSignal;
  /** Largest first. */
  byFile: FileCost[];
  /** Named data objects (entities, tables, collections, buckets) seen in this capability's findings. */
  objects: string[];
}

export interface CalendarWindow {
  category: string;
  weeks: Range;
  reason: string;
}

/** Elapsed time that effort does not measure: dual-write and parallel-run windows. */
export interface Calendar {
  /** The longest window (windows overlap; they run alongside the effort). */
  weeks: Range;
  windows: CalendarWindow[];
}

/** Where a platform's work was capped by a rewrite of all the code and configuration that touches it. */
export interface PlatformRewriteBound {
  touchedLines: number;
  cap: number;
  /** Work (everything but data, account and stored-file moves) before the cap (most likely hours). */
  before: number;
  /** The factor on every work term's most likely hours (1 where only the high end was held to cap × slow pace). */
  factor: number;
}

/** The estimate against a from-scratch rewrite of the lines that touch the platform. */
export interface RewriteComparison {
  /** Lines of the units holding the platform's touch points: code, configuration, rules and SQL. */
  touchedLines: number;
  /** touchedLines ÷ rewrite.linesPerHour. */
  hours: number;
  /** The estimate's high end ÷ hours. */
  highRatio: number;
  /** The high end is past the rewrite done at the slow pace: `outside` names the moves that take it there. */
  past: boolean;
  /** Terms outside the bound (data, account and stored-file moves), largest high end first. */
  outside: { kind: TermKind; category: string; label: string; likely: number; high: number }[];
  /** One sentence: how the estimate compares with the rewrite, and which terms take it past. */
  summary: string;
}

export interface PlatformCost {
  platform: string;
  findings: number;
  likely: number;
  total: Range;
  uncertainties: UncertaintyShare[];
  /** The same work with the calibrated LLM-assistance factor on code terms (data and accounts unchanged). */
  assisted: Range;
  calendar: Calendar;
  /** Why this platform's estimate is provisional (the audit saw the SDK far more often than its calls). */
  provisional?: string;
  /** Present when the platform's work was capped at a rewrite of its touched code. */
  rewriteBound?: PlatformRewriteBound;
  /** The estimate against a rewrite of the touched lines (absent when no finding has a unit). */
  rewrite?: RewriteComparison;
  /** Largest first. */
  categories: CapabilityCost[];
  /** Data and account migration notes that apply (password hashes, export formats, …). */
  notes: string[];
  /** total × hourly rate, when a rate is set. */
  money?: Range;
}

export interface CostSummary {
  unit: 'hours';
  /** True when the audit probably saw only part of the coupling: see provisionalReasons. */
  provisional: boolean;
  provisionalReasons?: string[];
  /** Model identifier, bumped when the formulas change. */
  model: 'lockin-lens/cost-v2';
  /** Where the weights came from: the calibration file and whether settings overrode parts of it. */
  calibration: string;
  /** The formula in one line. */
  basis: string;
  /** Most likely hours: the sum of every term's most likely value. */
  likely: number;
  /** The range a team plans with: likely and the named uncertainties (see uncertainties). */
  total: Range;
  /** Largest share first. */
  uncertainties: UncertaintyShare[];
  /** total with code work × assistedFactor (one stated factor; data and account moves unchanged). */
  assisted: Range;
  assistedFactor: number;
  calendar: { weeks: Range };
  money?: { rate: number; currency: string; total: Range };
  /** Largest first. */
  platforms: PlatformCost[];
  assumptions: string[];
  /** Problems with overrides from settings (the rest of the overrides still apply). */
  errors?: string[];
}

export interface CostOptions {
  /** A complete, loaded calibration (default: rules/calibration.json, loaded once). */
  calibration?: import('./calibration').ResolvedCalibration;
  /** A partial calibration from settings or .lockin-lens/calibration.json, merged over it. */
  overrides?: unknown;
  /** Money per hour; adds `money` ranges. */
  hourlyRate?: number;
  currency?: string;
}

/** How the estimate moved against a baseline. */
export interface CostDelta {
  total: Range;
  platforms: { platform: string; total: Range; categories: { category: string; total: Range }[] }[];
  /** "+6–9 h of Supabase coupling" style sentences, one per platform that moved. */
  summary: string[];
}
