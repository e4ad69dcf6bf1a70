// The text report of `npm run corpus`: tables of accuracy (per app, platform, framework, label
// family, finding category, total), lock-in recall per framework × platform, speed and memory, and
// on request the list of misses.

/** A table with a header row, columns padded; numbers right-aligned. */
export function table(header, rows) {
  const cells = [header, ...rows].map((row) => row.map((c) => (c === undefined ? '–' : String(c))));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const numeric = header.map((_, i) => rows.every((r) => r[i] === undefined || /^[\d.,/% ()~×–-]+$/.test(String(r[i]))));
  const line = (row) => row.map((c, i) => (numeric[i] && i > 0 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

const pct = (n) => (n === undefined ? undefined : `${Math.round(n * 100)}%`);

function found(part) {
  return part.labels === 0 ? undefined : `${part.found}/${part.labels} ${pct(part.found / part.labels)}`;
}

function quiet(part) {
  return part.labels === 0 ? undefined : `${part.violated}/${part.labels}`;
}

function right(t, precision) {
  const judged = t.precision.right + t.precision.wrong;
  return judged === 0 ? undefined : `${t.precision.right}/${judged} ${pct(precision(t))}`;
}

const ACCURACY = ['lock-in found', 'security found', 'quiet broken', 'precision', 'untriaged'];

function accuracyCells(t, precision) {
  return [found(t.lockin), found(t.security), quiet(t.quiet), right(t, precision), t.precision.untriaged];
}

/** Accuracy tables: one row per key, then the total. */
export function accuracyTable(title, keyName, groups, totalTally, precision) {
  const rows = [...groups].map(([key, t]) => [key, ...accuracyCells(t, precision)]);
  rows.push(['total', ...accuracyCells(totalTally, precision)]);
  return `${title}\n${table([keyName, ...ACCURACY], rows)}`;
}

/**
 * Lock-in recall on the platform × framework grid (`lockinGrid` of tally.ts): a row per framework,
 * a column per platform (the narrower way round), a cell only where there are labels.
 */
export function gridTable(grid) {
  const frameworks = [...new Set([...grid.values()].flatMap((row) => [...row.keys()]))].sort();
  const rows = frameworks.map((fw) => [fw, ...[...grid.values()].map((row) => (row.has(fw) ? found(row.get(fw)) : undefined))]);
  const title = 'lock-in recall per framework × platform (an app counts under each of its frameworks)';
  return `${title}\n${table(['framework', ...grid.keys()], rows)}`;
}

export function familyTable(groups) {
  const rows = [...groups].map(([key, t]) => [key, found(t.lockin), found(t.security), quiet(t.quiet)]);
  return `per label family (recall and quiet labels)\n${table(['family', 'lock-in found', 'security found', 'quiet broken'], rows)}`;
}

export function categoryTable(groups, precision) {
  const rows = [...groups].map(([key, t]) => [key, t.precision.right, t.precision.wrong, t.precision.untriaged, pct(precision(t))]);
  return `per finding category (error and warning findings)\n${table(['category', 'right', 'wrong', 'untriaged', 'precision'], rows)}`;
}

const mb = (bytes) => (bytes / 2 ** 20).toFixed(1);
const ratio = (a, b) => (a === undefined || !b ? undefined : `${(a / b).toFixed(2)}×`);
const percent = (part, whole) => (part === undefined || !whole ? undefined : `${Math.round((part / whole) * 100)} %`);
const rss = (run) => (run?.rssMb === undefined ? undefined : `${run.approximate ? '~' : ''}${run.rssMb}`);

/**
 * Per app and whole folder: size, medians of wall time, peak RSS, and the ratios to the peers.
 * `(engine)` is the audit's own time inside the process (its report's stats.ms, first run): the
 * rest of its wall time is process start-up and printing.
 */
export function speedTable(rows) {
  const header = ['app', 'files', 'MB', 'audit ms', '(engine)', 'audit RSS MB', 'warm ms', 'warm÷cold']
    .concat(['ast-grep ms', 'sg RSS MB', 'parse ms', 'audit÷sg', 'audit÷parse']);
  const cells = rows.map((r) => [
    ...[r.name, r.files, mb(r.bytes), r.audit.ms, r.engineMs, rss(r.audit)],
    ...[r.warmAudit?.ms, percent(r.warmAudit?.ms, r.audit.ms)],
    ...[r.astGrep?.ms, rss(r.astGrep), r.parseOnly?.ms],
    ...[ratio(r.audit.ms, r.astGrep?.ms), ratio(r.audit.ms, r.parseOnly?.ms)],
  ]);
  return table(header, cells);
}

export function lspLines(lsp) {
  if (!lsp) return [];
  return [
    'language server on the whole corpus folder as one workspace:',
    `  initialize answered ${lsp.initializeMs} ms after spawn; first workspace report (lockin/summaryChanged) at ${lsp.summaryMs} ms; lock-in panel model (lockin/costChanged) at ${lsp.costMs} ms`,
    `  ${lsp.files} files, ${lsp.findings} findings; RSS after indexing ${lsp.rssMb} MB (peak ${lsp.peakMb} MB)`,
    ...(lsp.indexedLog ? [`  server log: ${lsp.indexedLog}`] : []),
    ...(lsp.reopened ? reopenedLines(lsp, lsp.reopened) : []),
  ];
}

/** The second start on the same folder, from the scan pack the first one wrote. */
function reopenedLines(cold, warm) {
  return [
    `  reopened (scan pack of the first start): first workspace report at ${warm.summaryMs} ms ` +
      `(${percent(warm.summaryMs, cold.summaryMs)} of the first start's), panel model at ${warm.costMs} ms; ` +
      `${warm.findings} findings; RSS after indexing ${warm.rssMb} MB (peak ${warm.peakMb} MB)`,
    ...(warm.indexedLog ? [`  server log: ${warm.indexedLog}`] : []),
  ];
}

/** Every miss of one app, one line each with file:line (for `--misses`). */
export function missLines(app, score, dangling) {
  const lines = [];
  for (const { label, found: ok } of score.expected) {
    if (!ok) lines.push(`  missed ${label.expect} ${label.file}:${label.line} [${label.platform} ${label.family}] ${label.reason}`);
  }
  for (const { label, violatedBy } of score.quiet) {
    for (const f of violatedBy) lines.push(`  quiet broken ${label.file}:${label.line} [${label.family}] by ${f.ruleId} (${f.severity}) at line ${f.line}: ${label.reason}`);
  }
  for (const j of score.judged) {
    if (j.status === 'right') continue;
    const why = j.status === 'wrong' ? `wrong (${j.by})` : 'untriaged';
    lines.push(`  ${why} ${j.finding.file}:${j.finding.line} ${j.finding.ruleId} (${j.finding.severity}): ${j.finding.message ?? ''}`);
  }
  for (const v of score.unusedVerdicts) lines.push(`  verdict without a finding ${v.file}:${v.line} ${v.ruleId}`);
  for (const l of dangling) lines.push(`  label on a missing file ${l.file}:${l.line}`);
  return lines.length ? [`${app}:`, ...lines] : [];
}
