// `lockin-lens audit|baseline [PATH] [options]`, `lockin-lens lsp --stdio` and `lockin-lens --version`.
// Exit codes: 0 done (or findings below --fail-on), 1 findings at or above --fail-on, 2 usage errors
// (one line on stderr, pointing at --help).

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { auditFolder, AuditReport } from '../engine/audit';
import { BASELINE_FILE, Baseline, compareWithBaseline, createBaseline, readBaseline, writeBaseline } from '../engine/baseline/baseline';
import type { BaselineComparison } from '../engine/baseline/baseline';
import type { CostOptions } from '../engine/cost';
import { builtinRulesDir, packageVersion } from '../engine/rules/builtin';
import { loadRules, RuleSet } from '../engine/rules/load';
import { formatMarkdown, formatMarkdownDelta } from '../engine/report/markdown';
import { formatSarif } from '../engine/report/sarif';
import { formatFindingLines, formatText } from '../engine/report/text';
import { Finding, SEVERITY_RANK } from '../engine/types';
import { CliOptions, parseArgs, USAGE, UsageError } from './args';
import { ProgressLine, progressWanted } from './progress';

export { parseArgs } from './args';

const CALIBRATION_FILE = '.lockin-lens/calibration.json';

export interface AuditRun {
  report: AuditReport;
  ruleSet: RuleSet;
  comparison?: BaselineComparison;
  /** The findings that decide the exit code: all, or the new ones with --new-only. */
  judged: Finding[];
  /** Those of them at or above --fail-on. */
  failing: Finding[];
  exitCode: number;
}

/** `onProgress` is the engine's hook: files scanned of the total (the progress line). */
export async function runAudit(options: CliOptions, onProgress?: (done: number, total: number) => void): Promise<AuditRun> {
  const builtin = builtinRulesDir();
  const ruleSet = loadRules([builtin, ...options.rules], builtin);
  const cost = costOptions(options);
  const report = await auditFolder(options.path, ruleSet, { exclude: options.exclude, maxFileBytes: options.maxFileBytes, workers: options.workers, cost, onProgress, cache: options.cache });
  let comparison: BaselineComparison | undefined;
  if (options.newOnly) comparison = compareWithBaseline(report.findings, report.cost, loadBaseline(options), cost);
  const judged = comparison ? comparison.newFindings : report.findings;
  const threshold = options.failOn ? SEVERITY_RANK[options.failOn] : Infinity;
  const failing = judged.filter((f) => SEVERITY_RANK[f.severity] >= threshold);
  return { report, ruleSet, comparison, judged, failing, exitCode: failing.length > 0 ? 1 : 0 };
}

/** Calibration overrides (an explicit file, else the folder's own) and the hourly rate. */
function costOptions(options: CliOptions): CostOptions {
  const file = options.calibration ?? join(options.path, CALIBRATION_FILE);
  const cost: CostOptions = { hourlyRate: options.hourlyRate, currency: options.currency };
  if (!options.calibration && !existsSync(file)) return cost;
  try {
    cost.overrides = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`cannot read calibration overrides ${file}: ${(e as Error).message}`);
  }
  return cost;
}

function baselineFile(options: CliOptions): string {
  return resolve(options.baseline ?? join(options.path, BASELINE_FILE));
}

function loadBaseline(options: CliOptions): Baseline {
  const read = readBaseline(baselineFile(options));
  if ('error' in read) throw new UsageError(read.error);
  return read.baseline;
}

/** The report on stdout. --quiet shortens only the text report (the others are read by programs). */
export function render(run: AuditRun, options: Pick<CliOptions, 'format' | 'quiet' | 'failOn'>, colour: boolean): string {
  const { report, comparison } = run;
  const format = options.format;
  if (options.quiet && format === 'text') return formatFindingLines(options.failOn ? run.failing : run.judged.filter((f) => f.kind === 'security'), colour);
  const shown: AuditReport = comparison ? { ...report, findings: comparison.newFindings } : report;
  switch (format) {
    case 'json':
      return JSON.stringify(comparison ? { ...shown, baseline: baselineJson(comparison) } : shown, null, 2) + '\n';
    case 'sarif':
      return formatSarif(shown, run.ruleSet.rules);
    case 'markdown':
      return comparison ? formatMarkdownDelta(shown, comparison) : formatMarkdown(report, run.ruleSet.rules);
    default:
      return formatText(shown, colour, comparison);
  }
}

function baselineJson(c: BaselineComparison): Record<string, unknown> {
  return { newFindings: c.newFindings.length, accepted: c.accepted, gone: c.gone, cost: c.baselineCost.total, delta: c.delta };
}

async function runBaseline(options: CliOptions): Promise<number> {
  const run = await audit({ ...options, newOnly: false, failOn: undefined });
  const file = baselineFile(options);
  writeBaseline(file, createBaseline(run.report.findings));
  const t = run.report.cost.total;
  if (!options.quiet) process.stdout.write(`Wrote ${run.report.findings.length} accepted findings to ${file} (estimate ${Math.round(t.low)}–${Math.round(t.high)} h).\n`);
  return 0;
}

/** runAudit with the progress line on stderr when it is wanted (progress.ts says when). */
async function audit(options: CliOptions): Promise<AuditRun> {
  const line = progressWanted(options, process.stderr, process.env) ? new ProgressLine(process.stderr, options.progress) : undefined;
  try {
    return await runAudit(options, line && ((done, total) => line.update(done, total)));
  } finally {
    line?.end();
  }
}

/** Colour on a terminal, unless NO_COLOR is set to anything but the empty string (no-color.org). */
function colourWanted(options: CliOptions): boolean {
  return options.format === 'text' && process.stdout.isTTY === true && !process.env.NO_COLOR;
}

function usageError(message: string): number {
  process.stderr.write(`lockin-lens: ${message}; see \`lockin-lens --help\`\n`);
  return 2;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--version' || (command !== 'lsp' && rest.includes('--version'))) {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  if (command === '-h' || command === '--help' || command === 'help' || rest.includes('-h') || rest.includes('--help')) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (!command) return usageError('no command given (audit, baseline or lsp)');
  if (command === 'lsp') {
    // Loaded only here: an audit never pays for the language-server libraries.
    const { startServer } = require('../server') as typeof import('../server');
    startServer(); // reads --stdio / --node-ipc / --socket from the command line
    return 0;
  }
  if (command !== 'audit' && command !== 'baseline') return usageError(`unknown command '${command}'`);
  try {
    const options = parseArgs(rest);
    if (command === 'baseline') return await runBaseline(options);
    const run = await audit(options);
    process.stdout.write(render(run, options, colourWanted(options)));
    return run.exitCode;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    return usageError(e.message);
  }
}

/**
 * `lockin-lens audit . | head` closes the pipe early: the reader has what it wanted, so stop quietly
 * (as `cat` does) instead of crashing on the unhandled EPIPE.
 */
function exitQuietlyOnClosedPipe(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
}

/** The command line's entry: `dist/cli.js` (the loader) and a direct run of this module both call it. */
export function runCommandLine(): void {
  exitQuietlyOnClosedPipe();
  void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}

if (require.main === module && isMainThread) runCommandLine();
