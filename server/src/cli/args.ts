// Command-line arguments of `audit` and `baseline`: one parser, usage errors as UsageError (exit 2).

import { existsSync, statSync } from 'node:fs';
import { SEVERITY_RANK, Severity } from '../engine/types';

export const USAGE = `Usage:
  lockin-lens audit [PATH] [options]      audit a folder (default: the current folder)
  lockin-lens baseline [PATH] [options]   accept today's findings: write PATH/.lockin-lens/baseline.json
  lockin-lens lsp --stdio                 run the language server (for any LSP editor)

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
  --no-cache              neither read nor write the per-file scan cache (in the user's cache folder)
  -h, --help              show this help
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
}

export class UsageError extends Error {}

export function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = { path: '.', format: 'text', rules: [], exclude: [], cache: true, newOnly: false };
  let pathSeen = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--format') options.format = oneOf(value(), FORMATS, 'format');
    else if (arg === '--fail-on') options.failOn = oneOf(value(), Object.keys(SEVERITY_RANK) as Severity[], 'severity');
    else if (arg === '--rules') options.rules.push(value());
    else if (arg === '--exclude') options.exclude.push(value());
    else if (arg === '--max-file-size') options.maxFileBytes = positive(value(), '--max-file-size needs a positive number of KB') * 1024;
    else if (arg === '--workers') options.workers = wholeNumber(value());
    else if (arg === '--new-only') options.newOnly = true;
    else if (arg === '--no-cache') options.cache = false;
    else if (arg === '--baseline') options.baseline = value();
    else if (arg === '--calibration') options.calibration = value();
    else if (arg === '--hourly-rate') options.hourlyRate = positive(value(), '--hourly-rate needs a positive number');
    else if (arg === '--currency') options.currency = value();
    else if (arg.startsWith('-')) throw new UsageError(`unknown option '${arg}'`);
    else if (!pathSeen) {
      options.path = arg;
      pathSeen = true;
    } else throw new UsageError(`unexpected argument '${arg}'`);
  }
  if (!existsSync(options.path) || !statSync(options.path).isDirectory()) throw new UsageError(`'${options.path}' is not a folder`);
  if (options.calibration && !existsSync(options.calibration)) throw new UsageError(`calibration file '${options.calibration}' not found`);
  return options;
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
