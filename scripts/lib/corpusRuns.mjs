// The three tools `npm run corpus` times over a folder, each as a child process from spawn to exit:
// our audit (the built CLI, JSON report), ast-grep with our peer rules, and the parse-only pass.
import { join } from 'node:path';
import { measure, median } from './measure.mjs';
import { auditedCode, engineModule, parseOnlyCommand } from './parseOnly.mjs';

export function tools(root) {
  const cli = join(root, 'bin', 'lockin-lens.js');
  const astGrep = join(root, 'node_modules', '.bin', 'ast-grep');
  const sgconfig = join(root, 'test', 'corpus', 'ast-grep', 'sgconfig.yml');
  const { PRUNED_DIRS } = engineModule(root, 'workspace/walk.js');
  const prunedGlobs = [...PRUNED_DIRS].filter((d) => !d.startsWith('.')).flatMap((d) => ['--globs', `!${d}`]);
  return {
    /** The report as the CLI prints it; a failed audit stops the measurement (nothing is skipped). */
    async audit(dir) {
      const run = await measure(process.execPath, [cli, 'audit', dir, '--format', 'json']);
      if (run.status !== 0) throw new Error(`audit of ${dir} exited with ${run.status}:\n${run.stderr}`);
      const report = JSON.parse(run.stdout);
      return { ms: run.ms, rssMb: run.rssMb, approximate: run.approximate, report };
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
        return { ms: run.ms, rssMb: run.rssMb, approximate: run.approximate, files: inner.files, mb: Number(inner.mb), parseMs: inner.ms };
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
    astGrep: peers ? { ...summary(astGreps), matches: astGreps[0].matches } : undefined,
    parseOnly: peers ? { ...summary(parses), files: parses[0].files, mb: parses[0].mb } : undefined,
  };
}

function summary(list) {
  return { ms: median(list.map((r) => r.ms)), rssMb: median(list.map((r) => r.rssMb)), approximate: list[0].approximate, runs: list.map((r) => r.ms) };
}
