// `npm run bench -- --load --edit-cpu [--edits N]`: the CPU one edit of a 5,000-line file with 5,000
// findings costs the language server's engine, measured in-process (CPU time of this process, which
// a shared machine moves far less than wall time). The file is opened and edited through FolderIndex
// exactly as the server does it (the scan's steps, then the take-in); each edit types one character
// into a comment. Printed: the first three edits (code not yet optimised by the JIT) and the median
// of the rest.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { platformFile } from './bench-load.mjs';

export async function runEditCpuBench(root, args) {
  const edits = Number(args[args.indexOf('--edits') + 1]) || 60;
  const out = (p) => import(join(root, 'out', 'server', 'src', p));
  const { FolderIndex } = await out('lsp/folderIndex.js');
  const { rulesFor } = await out('lsp/folders.js');
  const dir = mkdtempSync(join(tmpdir(), 'lockin-edit-cpu-'));
  let text = platformFile(5000, 1);
  writeFileSync(join(dir, 'dense.ts'), text);
  const folder = new FolderIndex(dir, rulesFor(dir, { trusted: true, ruleFolders: [] }));
  await folder.indexAll();
  const analyse = (t) => {
    let started = cpuMs();
    const steps = folder.scanOpenSteps('dense.ts', t);
    let step;
    while (!(step = steps.next()).done);
    const scan = cpuMs() - started;
    started = cpuMs();
    folder.takeOpenScan('dense.ts', t, step.value);
    return { scan, take: cpuMs() - started };
  };
  analyse(text); // the open
  const first = [];
  const rest = [];
  for (let v = 0; v < edits; v++) {
    text = text.replace('/* typed: ', `/* typed: ${v % 10}`);
    (v < 3 ? first : rest).push(analyse(text));
  }
  const findings = folder.findings.get('dense.ts').length;
  rmSync(dir, { recursive: true, force: true });
  const median = (key) => rest.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(rest.length / 2)];
  const show = (r) => `${Math.round(r.scan)} + ${Math.round(r.take)}`;
  console.log(`edit of a 5,000-line file with ${findings} findings, CPU ms (scan + take-in):`);
  console.log(`  first three edits: ${first.map(show).join(', ')}`);
  console.log(`  median of the next ${rest.length}: ${Math.round(median('scan'))} + ${Math.round(median('take'))}`);
}

function cpuMs() {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}
