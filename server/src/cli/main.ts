// `lockin-lens audit [PATH] [--format text|json] [--fail-on <severity>] [--rules DIR]…`
// Exit codes: 0 clean (or below --fail-on), 1 findings at or above --fail-on, 2 usage errors.

import { existsSync, statSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import { auditFolder, AuditReport } from '../engine/audit';
import { builtinRulesDir } from '../engine/rules/builtin';
import { loadRules } from '../engine/rules/load';
import { formatText } from '../engine/report/text';
import { SEVERITY_RANK, Severity } from '../engine/types';

const USAGE = `Usage:
  lockin-lens audit [PATH] [options]   audit a folder (default: the current folder)
  lockin-lens lsp --stdio              run the language server (for any LSP editor)

Options:
  --format text|json      report format (default: text)
  --fail-on <severity>    exit 1 when a finding is at or above error|warning|info|hint
  --rules <dir>           also load rules from this folder (laid out as <platform>/<name>.json); repeatable
  --exclude <glob>        leave out matching files (root-relative); repeatable
  --max-file-size <KB>    skip larger files (default 1024)
  --workers <n>           worker threads for scanning (default: one per core on large workspaces; 0 for none)
  -h, --help              show this help
`;

interface CliOptions {
  path: string;
  format: 'text' | 'json';
  failOn?: Severity;
  rules: string[];
  exclude: string[];
  maxFileBytes?: number;
  workers?: number;
}

class UsageError extends Error {}

export function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = { path: '.', format: 'text', rules: [], exclude: [] };
  let pathSeen = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--format') {
      const f = value();
      if (f !== 'text' && f !== 'json') throw new UsageError(`unknown format '${f}' (text or json)`);
      options.format = f;
    } else if (arg === '--fail-on') {
      const s = value();
      if (!(s in SEVERITY_RANK)) throw new UsageError(`unknown severity '${s}' (error, warning, info or hint)`);
      options.failOn = s as Severity;
    } else if (arg === '--rules') options.rules.push(value());
    else if (arg === '--exclude') options.exclude.push(value());
    else if (arg === '--max-file-size') {
      const kb = Number(value());
      if (!Number.isFinite(kb) || kb <= 0) throw new UsageError('--max-file-size needs a positive number of KB');
      options.maxFileBytes = kb * 1024;
    } else if (arg === '--workers') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0) throw new UsageError('--workers needs a whole number (0 for none)');
      options.workers = n;
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option '${arg}'`);
    else if (!pathSeen) {
      options.path = arg;
      pathSeen = true;
    } else throw new UsageError(`unexpected argument '${arg}'`);
  }
  if (!existsSync(options.path) || !statSync(options.path).isDirectory()) throw new UsageError(`'${options.path}' is not a folder`);
  return options;
}

export async function runAudit(options: CliOptions): Promise<{ report: AuditReport; exitCode: number }> {
  const builtin = builtinRulesDir();
  const ruleSet = loadRules([builtin, ...options.rules], builtin);
  const report = await auditFolder(options.path, ruleSet, { exclude: options.exclude, maxFileBytes: options.maxFileBytes, workers: options.workers });
  const threshold = options.failOn ? SEVERITY_RANK[options.failOn] : Infinity;
  const failed = report.findings.some((f) => SEVERITY_RANK[f.severity] >= threshold);
  return { report, exitCode: failed ? 1 : 0 };
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
  if (command !== 'audit') {
    process.stderr.write(`lockin-lens: unknown command '${command}'\n\n${USAGE}`);
    return 2;
  }
  let options: CliOptions;
  try {
    options = parseArgs(rest);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`lockin-lens: ${e.message}\n\n${USAGE}`);
    return 2;
  }
  const { report, exitCode } = await runAudit(options);
  const output = options.format === 'json' ? JSON.stringify(report, null, 2) + '\n' : formatText(report, process.stdout.isTTY === true);
  process.stdout.write(output);
  return exitCode;
}

if (require.main === module && isMainThread) {
  void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
