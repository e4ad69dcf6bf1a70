// `npm run bench -- --load --blocks [--rounds N]`: how long one analysis of an open document holds
// the language server without a pause, in CPU time of this process (steadier than wall time on a
// shared machine). The 3,000-line file of the burst is analysed as the server does it (the sliced
// scan, then its take-in), after alternately a burst-like edit (every query line indented: a fresh
// parse) and a one-line edit (an incremental re-parse). "Before" is the same work as one block (two
// when the scan passed 50 ms), as the server ran it before the analysis ran in slices.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { platformFile } from './bench-load.mjs';

export async function runBlocksBench(root, args) {
  const rounds = Number(args[args.indexOf('--rounds') + 1]) || 16;
  const out = (p) => import(join(root, 'out', 'server', 'src', p));
  const { FolderIndex } = await out('lsp/folderIndex.js');
  const { rulesFor } = await out('lsp/folders.js');
  const dir = mkdtempSync(join(tmpdir(), 'lockin-blocks-'));
  let text = platformFile(3000, 10);
  writeFileSync(join(dir, 'burst.ts'), text);
  const folder = new FolderIndex(dir, rulesFor(dir, { trusted: true, ruleFolders: [] }));
  const analyse = (t) => {
    const steps = folder.scanOpenSteps('burst.ts', t);
    const slices = [];
    let last = cpuMs();
    let step;
    while (!(step = steps.next()).done) slices.push(cpuMs() - last), (last = cpuMs());
    slices.push(cpuMs() - last);
    const started = cpuMs();
    folder.takeOpenScan('burst.ts', t, step.value);
    const take = cpuMs() - started;
    const scan = slices.reduce((a, b) => a + b, 0);
    return { scan, take, before: scan > 50 ? Math.max(scan, take) : scan + take, after: Math.max(take, ...slices) };
  };
  analyse(text); // the open
  const rows = { 'every query line indented (a fresh parse)': [], 'one line changed (an incremental re-parse)': [] };
  const [spread, oneLine] = Object.values(rows);
  for (let round = 0; round < rounds; round++) {
    const lines = text.split('\n');
    if (round % 2 === 0) {
      for (let i = 0; i < lines.length; i++) if (lines[i].includes('supabase.from')) lines[i] = lines[i].startsWith('  ') ? lines[i].slice(2) : `  ${lines[i]}`;
    } else lines[1500] += ` // edit ${round}`;
    text = lines.join('\n');
    (round % 2 === 0 ? spread : oneLine).push(analyse(text));
  }
  rmSync(dir, { recursive: true, force: true });
  const median = (list, key) => Math.round(list.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(list.length / 2)]);
  console.log(`longest block of one analysis of a 3,000-line file, CPU ms, median of ${rounds / 2} analyses each:`);
  for (const [label, list] of Object.entries(rows)) {
    console.log(`  ${label}: scan ${median(list, 'scan')}, take-in ${median(list, 'take')}; longest block before ${median(list, 'before')}, after ${median(list, 'after')}`);
  }
}

function cpuMs() {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}
