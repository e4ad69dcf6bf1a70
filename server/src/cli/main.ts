// `lockin-lens audit|baseline [PATH] [options]` and `lockin-lens lsp --stdio`.
// Exit codes: 0 done (or findings below --fail-on), 1 findings at or above --fail-on, 2 usage errors.

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { auditFolder, AuditReport } from '../engine/audit';
import { BASELINE_FILE, Baseline, compareWithBaseline, createBaseline, readBaseline, writeBaseline } from '../engine/baseline/baseline';
import type { BaselineComparison } from '../engine/baseline/baseline';
import type { CostOptions } from '../engine/cost';
import { builtinRulesDir } from '../engine/rules/builtin';
import { loadRules, RuleSet } from '../engine/rules/load';
import { formatMarkdown, formatMarkdownDelta } from '../engine/report/markdown';
import { formatSarif } from '../engine/report/sarif';
import { formatText } from '../engine/report/text';
import { SEVERITY_RANK } from '../engine/types';
import { CliOptions, parseArgs, USAGE, UsageError } from './args';

export { parseArgs } from './args';

const CALIBRATION_FILE = '.lockin-lens/calibration.json';

export interface AuditRun {
  report: AuditReport;
  ruleSet: RuleSet;
  comparison?: BaselineComparison;
  exitCode: number;
}

export async function runAudit(options: CliOptions): Promise<AuditRun> {
  const builtin = builtinRulesDir();
  const ruleSet = loadRules([builtin, ...options.rules], builtin);
  const cost = costOptions(options);
  const report = await auditFolder(options.path, ruleSet, { exclude: options.exclude, maxFileBytes: options.maxFileBytes, workers: options.workers, cost, cache: options.cache });
  let comparison: BaselineComparison | undefined;
  if (options.newOnly) comparison = compareWithBaseline(report.findings, report.cost, loadBaseline(options), cost);
  const judged = comparison ? comparison.newFindings : report.findings;
  const threshold = options.failOn ? SEVERITY_RANK[options.failOn] : Infinity;
  const failed = judged.some((f) => SEVERITY_RANK[f.severity] >= threshold);
  return { report, ruleSet, comparison, exitCode: failed ? 1 : 0 };
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

export function render(run: AuditRun, format: CliOptions['format'], colour: boolean): string {
  const { report, comparison } = run;
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
  const run = await runAudit({ ...options, newOnly: false, failOn: undefined });
  const file = baselineFile(options);
  writeBaseline(file, createBaseline(run.report.findings));
  const t = run.report.cost.total;
  process.stdout.write(`Wrote ${run.report.findings.length} accepted findings to ${file} (estimate ${Math.round(t.low)}–${Math.round(t.high)} h).\n`);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || rest.includes('-h') || rest.includes('--help')) {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'lsp') {
    // Loaded only here: an audit never pays for the language-server libraries.
    const { startServer } = require('../server') as typeof import('../server');
    startServer(); // reads --stdio / --node-ipc / --socket from the command line
    return 0;
  }
  if (command !== 'audit' && command !== 'baseline') {
    process.stderr.write(`lockin-lens: unknown command '${command}'\n\n${USAGE}`);
    return 2;
  }
  try {
    const options = parseArgs(rest);
    if (command === 'baseline') return await runBaseline(options);
    const run = await runAudit(options);
    process.stdout.write(render(run, options.format, options.format === 'text' && process.stdout.isTTY === true));
    return run.exitCode;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`lockin-lens: ${e.message}\n\n${USAGE}`);
    return 2;
  }
}

if (require.main === module && isMainThread) {
  void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
