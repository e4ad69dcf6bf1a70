// Scoring one corpus app: which hand labels the audit's findings meet, which error and warning
// findings are right, wrong or untriaged, and which must-stay-quiet labels were broken. Pure: it
// takes the labels and the findings, and reads nothing. The rules are in test/corpus/README.md.

export type Expect = 'lockin' | 'security' | 'quiet';

export interface Label {
  file: string;
  line: number;
  expect: Expect;
  platform: string;
  category: string;
  family: string;
  reason: string;
}

export interface Verdict {
  file: string;
  line: number;
  ruleId: string;
  verdict: 'true' | 'false';
  reason: string;
}

export interface LabelFile {
  app: string;
  labels: Label[];
  verdicts?: Verdict[];
}

/** The fields of a finding in the audit's JSON report that scoring reads. */
export interface ScoredInput {
  ruleId: string;
  kind: 'lockin' | 'security';
  platform: string;
  category: string;
  severity: string;
  file: string;
  line: number;
  message?: string;
}

/** How far (in lines) a finding may sit from a label and still meet it: composed calls span lines. */
export const LOCKIN_WINDOW = 1;
export const SECURITY_WINDOW = 3;

export type FindingStatus = 'right' | 'wrong' | 'untriaged';

export interface JudgedFinding {
  finding: ScoredInput;
  status: FindingStatus;
  /** What decided the status: a security label, a verdict, or a quiet label the finding broke. */
  by?: 'label' | 'verdict' | 'quiet';
}

export interface AppScore {
  app: string;
  /** Lock-in and security labels, each with whether a finding met it. */
  expected: { label: Label; found: boolean }[];
  /** Quiet labels, each with the findings that broke it (none: it held). */
  quiet: { label: Label; violatedBy: ScoredInput[] }[];
  /** Error and warning findings only: those are what precision is about. */
  judged: JudgedFinding[];
  /** Verdicts that no finding of this run matches (stale after an engine change, or mistyped). */
  unusedVerdicts: Verdict[];
}

export function isLoud(finding: ScoredInput): boolean {
  return finding.severity === 'error' || finding.severity === 'warning';
}

function near(finding: ScoredInput, label: { file: string; line: number }, window: number): boolean {
  return finding.file === label.file && Math.abs(finding.line - label.line) <= window;
}

/** Whether a finding meets a lock-in or security label. */
export function meets(finding: ScoredInput, label: Label): boolean {
  if (label.expect === 'lockin') return finding.kind === 'lockin' && finding.platform === label.platform && near(finding, label, LOCKIN_WINDOW);
  if (label.expect === 'security') return finding.kind === 'security' && isLoud(finding) && near(finding, label, SECURITY_WINDOW);
  return false;
}

/**
 * Whether a finding breaks a quiet label. A look-alike forbids any finding where a lock-in label
 * would have been met; any other quiet label forbids a loud security finding where a security label
 * would have been met (the same windows, so that a tool cannot be found loosely and break strictly).
 */
export function breaks(finding: ScoredInput, label: Label): boolean {
  if (label.expect !== 'quiet') return false;
  if (label.family === 'lookalike') return near(finding, label, LOCKIN_WINDOW);
  return finding.kind === 'security' && isLoud(finding) && near(finding, label, SECURITY_WINDOW);
}

/**
 * Labels sit a few lines apart in dense code (a safe `allow list: if false` two lines below an open
 * `allow get, write: if true`). A finding answers to the nearest label it touches: a quiet label is
 * not broken by a finding that meets a lock-in or security label strictly closer to it.
 */
function breaksNearest(finding: ScoredInput, label: Label, labels: Label[]): boolean {
  if (!breaks(finding, label)) return false;
  const distance = Math.abs(finding.line - label.line);
  return !labels.some((other) => meets(finding, other) && Math.abs(finding.line - other.line) < distance);
}

function verdictFor(finding: ScoredInput, verdicts: Verdict[]): Verdict | undefined {
  return verdicts.find((v) => v.file === finding.file && v.line === finding.line && v.ruleId === finding.ruleId);
}

/**
 * A loud finding's status. Its own verdict decides first (it was written about this very finding);
 * then a security label it meets makes it right, and a quiet label it breaks makes it wrong.
 */
function judge(finding: ScoredInput, labels: Label[], verdicts: Verdict[]): JudgedFinding {
  const verdict = verdictFor(finding, verdicts);
  if (verdict) return { finding, status: verdict.verdict === 'true' ? 'right' : 'wrong', by: 'verdict' };
  if (labels.some((l) => meets(finding, l) && l.expect === 'security')) return { finding, status: 'right', by: 'label' };
  if (labels.some((l) => breaksNearest(finding, l, labels))) return { finding, status: 'wrong', by: 'quiet' };
  return { finding, status: 'untriaged' };
}

export function scoreApp(labelFile: LabelFile, findings: ScoredInput[]): AppScore {
  const { labels } = labelFile;
  const verdicts = labelFile.verdicts ?? [];
  const expected = labels.filter((l) => l.expect !== 'quiet').map((label) => ({ label, found: findings.some((f) => meets(f, label)) }));
  const quiet = labels.filter((l) => l.expect === 'quiet').map((label) => ({ label, violatedBy: findings.filter((f) => breaksNearest(f, label, labels)) }));
  const loud = findings.filter(isLoud);
  const judged = loud.map((f) => judge(f, labels, verdicts));
  const unusedVerdicts = verdicts.filter((v) => !loud.some((f) => verdictFor(f, [v])));
  return { app: labelFile.app, expected, quiet, judged, unusedVerdicts };
}

const EXPECTS = new Set(['lockin', 'security', 'quiet']);
const LABEL_TEXT = ['file', 'platform', 'category', 'family', 'reason'] as const;

/** What is wrong with a label file, one sentence each (empty when it is well formed). */
export function labelFileProblems(value: unknown, app: string): string[] {
  const problems: string[] = [];
  const file = value as Partial<LabelFile> | null;
  if (!file || typeof file !== 'object') return [`${app}: not a JSON object`];
  if (file.app !== app) problems.push(`${app}: "app" is ${JSON.stringify(file.app)}, expected "${app}"`);
  if (!Array.isArray(file.labels)) return [...problems, `${app}: "labels" is not an array`];
  file.labels.forEach((label, i) => {
    const where = `${app}: label ${i + 1}`;
    if (!label || typeof label !== 'object') return void problems.push(`${where} is not an object`);
    if (!EXPECTS.has(label.expect)) problems.push(`${where}: "expect" is ${JSON.stringify(label.expect)} (lockin, security or quiet)`);
    if (!Number.isInteger(label.line) || label.line < 1) problems.push(`${where}: "line" must be a whole number from 1`);
    for (const key of LABEL_TEXT) if (typeof label[key] !== 'string' || label[key] === '') problems.push(`${where}: "${key}" is missing`);
  });
  if (file.verdicts !== undefined && !Array.isArray(file.verdicts)) problems.push(`${app}: "verdicts" is not an array`);
  (file.verdicts ?? []).forEach((v, i) => {
    const where = `${app}: verdict ${i + 1}`;
    if (v.verdict !== 'true' && v.verdict !== 'false') problems.push(`${where}: "verdict" must be "true" or "false"`);
    if (!Number.isInteger(v.line) || typeof v.file !== 'string' || typeof v.ruleId !== 'string') problems.push(`${where}: needs "file", "line" and "ruleId"`);
  });
  return problems;
}
