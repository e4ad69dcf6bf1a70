// The three tools `npm run corpus` times over a folder, each as a child process from spawn to exit:
// our audit (the built CLI, JSON report), ast-grep with our peer rules, and the parse-only pass.
// Each audit runs twice: cold (no scan pack: a first run, which writes one) and warm (a second run
// of the unchanged folder, from that pack). The V8 code cache stays warm for both, as on a user's
// machine after the first use.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measure, median } from './measure.mjs';
import { auditedCode, engineModule, parseOnlyCommand } from './parseOnly.mjs';

/**
 * A cache folder of this measurement's own (LOCKIN_LENS_CACHE_DIR, inherited by the language server
 * too), so the user's packs neither help nor suffer; `forgetScans` empties its scan packs.
 */
export function privateCache() {
  const folder = mkdtempSync(join(tmpdir(), 'lockin-corpus-cache-'));
  process.env.LOCKIN_LENS_CACHE_DIR = folder;
  return {
    forgetScans: () => rmSync(join(folder, 'scans'), { recursive: true, force: true }),
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}

export function tools(root, cache) {
  const cli = join(root, 'bin', 'lockin-lens.js');
  const astGrep = join(root, 'node_modules', '.bin', 'ast-grep');
  const sgconfig = join(root, 'test', 'corpus', 'ast-grep', 'sgconfig.yml');
  const { PRUNED_DIRS } = engineModule(root, 'workspace/walk.js');
  const prunedGlobs = [...PRUNED_DIRS].filter((d) => !d.startsWith('.')).flatMap((d) => ['--globs', `!${d}`]);
  const auditOnce = async (dir) => {
    const run = await measure(process.execPath, [cli, 'audit', dir, '--format', 'json']);
    if (run.status !== 0) throw new Error(`audit of ${dir} exited with ${run.status}:\n${run.stderr}`);
    return { ms: run.ms, rssMb: run.rssMb, approximate: run.approximate, report: JSON.parse(run.stdout) };
  };
  return {
    /**
     * A cold and a warm audit, each with the report as the CLI prints it; a failed audit stops the
     * measurement (nothing is skipped), and so does a warm report that differs from the cold one.
     */
    async audit(dir) {
      cache.forgetScans();
      const cold = await auditOnce(dir);
      const warm = await auditOnce(dir);
      if (JSON.stringify(withoutTime(warm.report)) !== JSON.stringify(withoutTime(cold.report)))
        throw new Error(`the second audit of ${dir} (from the scan cache) reported otherwise than the first`);
      delete warm.report;
      return { ...cold, warm };
    },
    /**
     * ast-grep over the folder, its own walk leaving out the folders the audit's walk prunes (build
     * output, dependencies); it skips hidden files itself. (Outside a git repository, as an
     * extracted app is, it does not read .gitignore files; the audit does.)
     */
    async astGrep(dir) {
      const run = await measure(astGrep, ['scan', '--config', sgconfig, '--json=compact', ...prunedGlobs, dir]);
      if (run.status !== 0) throw new Error(`ast-grep on ${dir} exited with ${run.status}:\n${run.stderr}`);
      return { ms: run.ms, rssMb: run.rssMb, approximate: run.approximate, matches: JSON.parse(run.stdout).length };
    },
    /** Files for the parse-only pass: what the audit reads; computed once, outside the timing. */
    codeOf(dir) {
      return auditedCode(root, dir);
    },
    async parseOnly(files) {
      const command = parseOnlyCommand(root, files);
      try {
        const run = await measure(process.execPath, command.args);
        if (run.status !== 0) throw new Error(`parse-only pass exited with ${run.status}:\n${run.stderr}`);
        const inner = JSON.parse(run.stdout.trim());
        return {
          ms: run.ms,
          rssMb: run.rssMb,
          approximate: run.approximate,
          files: inner.files,
          mb: Number(inner.mb),
          parseMs: inner.ms,
        };
      } finally {
        command.done();
      }
    },
  };
}

/**
 * Runs the audit and, with peers, ast-grep and the parse-only pass over one folder, alternating,
 * `runs` times each. Returns every run and the medians; the report is the first audit's.
 */
export async function timeFolder(kit, dir, { runs, peers, onRun = () => undefined }) {
  const files = peers ? kit.codeOf(dir) : [];
  const audits = [];
  const astGreps = [];
  const parses = [];
  for (let i = 0; i < runs; i++) {
    audits.push(await kit.audit(dir));
    onRun('audit', i, audits.at(-1));
    if (!peers) continue;
    astGreps.push(await kit.astGrep(dir));
    onRun('ast-grep', i, astGreps.at(-1));
    parses.push(await kit.parseOnly(files));
    onRun('parse-only', i, parses.at(-1));
  }
  const report = audits[0].report;
  for (const run of audits) delete run.report; // one copy is enough: the runs give the same report
  return {
    report,
    audit: summary(audits),
    warmAudit: summary(audits.map((a) => a.warm)),
    astGrep: peers ? { ...summary(astGreps), matches: astGreps[0].matches } : undefined,
    parseOnly: peers ? { ...summary(parses), files: parses[0].files, mb: parses[0].mb } : undefined,
  };
}

function summary(list) {
  return {
    ms: median(list.map((r) => r.ms)),
    rssMb: median(list.map((r) => r.rssMb)),
    approximate: list[0].approximate,
    runs: list.map((r) => r.ms),
  };
}

/** The report but for its own timing, which differs from run to run. */
function withoutTime(report) {
  return { ...report, stats: { ...report.stats, ms: 0 } };
}
