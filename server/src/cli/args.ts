// Command-line arguments of `audit` and `baseline`, read by Node's own util.parseArgs (long options,
// `--name=value`, repeated options, `--` before a folder whose name starts with '-'); its errors and
// ours are UsageErrors, printed as one line (exit 2).

import { existsSync, statSync } from 'node:fs';
import { parseArgs as parseCommandLine } from 'node:util';
import { SEVERITY_RANK, Severity } from '../engine/types';

export const USAGE = `Usage:
  lockin-lens audit [PATH] [options]      audit a folder (default: the current folder)
  lockin-lens baseline [PATH] [options]   accept today's findings: write PATH/.lockin-lens/baseline.json
  lockin-lens lsp --stdio                 run the language server (for any LSP editor)
  lockin-lens --version                   print the version

Options:
  --format <format>       text (default), json, markdown (the exit plan) or sarif (SARIF 2.1.0)
  --fail-on <severity>    exit 1 when a finding is at or above error|warning|info|hint
  --new-only              report only findings not in the baseline, with the cost delta against it
  --baseline <file>       the baseline to compare with or write (default PATH/.lockin-lens/baseline.json)
  --calibration <file>    cost weights overriding rules/calibration.json (default PATH/.lockin-lens/calibration.json if present)
  --hourly-rate <n>       show the estimate as money too; --currency <code> labels it
  --rules <dir>           also load rules from this folder (laid out as <platform>/<name>.json); repeatable
  --exclude <glob>        leave out matching files (root-relative); repeatable
  --max-file-size <KB>    skip larger files (default 1024)
  --workers <n>           worker threads for scanning (default: one per core on large workspaces; 0 for none)
  --progress              show progress on stderr even when it is not a terminal or CI is set
  -q, --quiet             no progress or notes on stderr; the text report lists only the findings that fail
                          the run (at or above --fail-on; without it, security findings)
  --no-cache              neither read nor write the per-file scan cache (in the user's cache folder)
  -h, --help              show this help

Exit codes: 0 done, 1 a finding at or above --fail-on, 2 usage error. NO_COLOR=1 turns colour off.
`;

export type Format = 'text' | 'json' | 'markdown' | 'sarif';
const FORMATS: Format[] = ['text', 'json', 'markdown', 'sarif'];

export interface CliOptions {
  path: string;
  format: Format;
  failOn?: Severity;
  rules: string[];
  exclude: string[];
  maxFileBytes?: number;
  workers?: number;
  /** False with --no-cache: scan every file afresh, leave the scan cache alone. */
  cache: boolean;
  newOnly: boolean;
  baseline?: string;
  calibration?: string;
  hourlyRate?: number;
  currency?: string;
  quiet: boolean;
  progress: boolean;
}

export class UsageError extends Error {}

/** Every option of `audit` and `baseline`, as util.parseArgs takes them. */
const OPTIONS = {
  format: { type: 'string' },
  'fail-on': { type: 'string' },
  rules: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  'max-file-size': { type: 'string' },
  workers: { type: 'string' },
  'new-only': { type: 'boolean' },
  baseline: { type: 'string' },
  calibration: { type: 'string' },
  'hourly-rate': { type: 'string' },
  currency: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  progress: { type: 'boolean' },
  'no-cache': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

export function parseArgs(argv: string[]): CliOptions {
  const { values: v, positionals } = readCommandLine(argv);
  if (positionals.length > 1) throw new UsageError(`unexpected argument '${positionals[1]}'`);
  const options: CliOptions = {
    path: positionals[0] ?? '.',
    format: v.format === undefined ? 'text' : oneOf(v.format, FORMATS, 'format'),
    failOn: v['fail-on'] === undefined ? undefined : oneOf(v['fail-on'], Object.keys(SEVERITY_RANK) as Severity[], 'severity'),
    rules: v.rules ?? [],
    exclude: v.exclude ?? [],
    newOnly: v['new-only'] ?? false,
    baseline: v.baseline,
    calibration: v.calibration,
    currency: v.currency,
    quiet: v.quiet ?? false,
    progress: v.progress ?? false,
    cache: !(v['no-cache'] ?? false),
  };
  if (v['max-file-size'] !== undefined) options.maxFileBytes = positive(v['max-file-size'], '--max-file-size needs a positive number of KB') * 1024;
  if (v.workers !== undefined) options.workers = wholeNumber(v.workers);
  if (v['hourly-rate'] !== undefined) options.hourlyRate = positive(v['hourly-rate'], '--hourly-rate needs a positive number');
  if (!existsSync(options.path) || !statSync(options.path).isDirectory()) throw new UsageError(`'${options.path}' is not a folder`);
  if (options.calibration && !existsSync(options.calibration)) throw new UsageError(`calibration file '${options.calibration}' not found`);
  return options;
}

/** util.parseArgs in strict mode, its errors turned into short UsageErrors. */
function readCommandLine(argv: string[]) {
  try {
    return parseCommandLine({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(parseErrorMessage(e as Error & { code?: string }));
  }
}

/** Node's messages run to three lines; the first quoted name is the option at fault. */
function parseErrorMessage(e: Error & { code?: string }): string {
  const option = /'(-[^' <]+)/.exec(e.message)?.[1] ?? '';
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option '${option}'`;
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/does not take an argument/.test(e.message)) return `${option} takes no value`;
    if (/ambiguous/.test(e.message)) return `${option} needs a value (write ${option}=VALUE for a value starting with '-')`;
    return `${option} needs a value`;
  }
  return e.message.split('\n')[0];
}

function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`unknown ${what} '${value}' (${allowed.join(', ')})`);
  return value as T;
}

function positive(value: string, message: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(message);
  return n;
}

function wholeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError('--workers needs a whole number (0 for none)');
  return n;
}
