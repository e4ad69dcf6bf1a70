// `node scripts/pack-test.mjs` (run by .ci/run after npm test): the npm package as a team's CI gets
// it. Packs the project (`prepack` builds), checks what the tarball holds, installs it into an
// empty project without the network (it has no dependencies: everything it runs is bundled), and
// runs `npx lockin-lens` there: every format on a copy of an example app, the JSON against its
// schema and against the working copy's report, the SARIF against the 2.1.0 schema and GitHub's
// upload constraints, the exit codes with --fail-on, the baseline recipe of docs/ci.md, usage
// errors, --version, and the language server's handshake. Exits 1 with the reasons on failure.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const failures = [];
const check = (ok, message) => {
  if (!ok) failures.push(message);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${message}`);
};

/** What the tarball may hold (paths inside `package/`), and what it must. */
const ALLOWED = [
  /^(package\.json|README\.md|CHANGELOG\.md|LICENSE|ThirdPartyNotices\.md)$/,
  /^bin\/lockin-lens\.js$/,
  /^dist\/cli(\.bundle)?\.js$/,
  /^dist\/rule-docs\/([\w-]+\/)?[\w-]+\.md$/,
  /^rules\/[\w.-]+\.json$/,
  /^rules\/[\w-]+\/[\w-]+\.json$/,
  /^docs\/[\w.-]+\.(md|json)$/,
  /^docs\/images\/[\w-]+\.png$/,
];
const REQUIRED = [
  'bin/lockin-lens.js',
  'dist/cli.js',
  'dist/cli.bundle.js',
  'rules/rule.schema.json',
  'rules/calibration.json',
  'docs/json-report.schema.json',
  'LICENSE',
  'ThirdPartyNotices.md',
  'README.md',
];

const stage = mkdtempSync(join(tmpdir(), 'lockin-pack-'));
try {
  const tarball = pack();
  const consumer = join(stage, 'consumer');
  install(tarball, consumer);
  const app = join(consumer, 'app');
  cpSync(join(root, 'examples', 'supabase-app'), app, { recursive: true });
  const quiet = join(consumer, 'quiet-app');
  cpSync(join(root, 'examples', 'express-postgres'), quiet, { recursive: true });
  formats(consumer, app);
  exitCodes(consumer);
  baselineRecipe(consumer, app);
  await languageServer(consumer);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
if (failures.length > 0) {
  console.error(`\npack test: ${failures.length} failed:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log('\npack test: the packed CLI installs and audits');

function pack() {
  const run = spawnSync('npm', ['pack', '--pack-destination', stage, '--no-audit', '--no-fund'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`npm pack failed:\n${run.stdout}`);
  const [name] = readdirSync(stage).filter((f) => f.endsWith('.tgz'));
  const tarball = join(stage, name);
  const files = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter(Boolean)
    .map((f) => f.replace(/^package\//, ''));
  const outside = files.filter((f) => f.includes('.fixture') || !ALLOWED.some((p) => p.test(f)));
  check(
    outside.length === 0,
    `the tarball holds only the allow-listed files (${files.length}; outside: ${outside.slice(0, 5).join(', ') || 'none'})`,
  );
  const missing = REQUIRED.filter((f) => !files.includes(f));
  check(
    missing.length === 0,
    `the tarball holds the built CLI, rules, schema, licence and notices (missing: ${missing.join(', ') || 'none'})`,
  );
  check(
    files.some((f) => f.startsWith('dist/rule-docs/')),
    'the tarball holds the rule pages the language server links',
  );
  return tarball;
}

function install(tarball, consumer) {
  mkdirSync(consumer);
  writeFileSync(
    join(consumer, 'package.json'),
    JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }, null, 2),
  );
  // --offline: nothing may come from the registry (the package has no dependencies to fetch).
  const run = spawnSync('npm', ['install', tarball, '--offline', '--no-audit', '--no-fund', '--foreground-scripts'], {
    cwd: consumer,
    encoding: 'utf8',
  });
  check(
    run.status === 0,
    `npm install <tarball> --offline in an empty project${run.status === 0 ? '' : `:\n${run.stderr}`}`,
  );
  const installed = readdirSync(join(consumer, 'node_modules')).filter(
    (f) => f !== '.bin' && f !== '.package-lock.json',
  );
  check(installed.join() === 'lockin-lens', `installs lockin-lens alone, no dependencies (${installed.join(', ')})`);
  const manifest = JSON.parse(readFileSync(join(consumer, 'node_modules', 'lockin-lens', 'package.json'), 'utf8'));
  const installScripts = ['preinstall', 'install', 'postinstall'].filter((s) => manifest.scripts?.[s]);
  check(
    installScripts.length === 0 && Object.keys(manifest.dependencies ?? {}).length === 0,
    'runs no build or install script in the consumer and declares no dependencies',
  );
  check(!/> lockin-lens@/.test(run.stdout), 'no lifecycle script of the package ran during the install');
}

function npx(consumer, ...args) {
  // `--` keeps npx from taking options meant for the program (it answers --version itself).
  const run = spawnSync('npx', ['--no', '--', 'lockin-lens', ...args], {
    cwd: consumer,
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
    env: { ...process.env, NO_COLOR: '' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function formats(consumer, app) {
  const v = npx(consumer, '--version');
  check(v.code === 0 && v.stdout === `${version}\n`, `npx lockin-lens --version prints ${version}`);

  const text = npx(consumer, 'audit', 'app');
  check(
    text.code === 0 &&
      /^Lock-in Lens audit of /.test(text.stdout) &&
      /Security \(\d+\)/.test(text.stdout) &&
      /\[supabase\/service-role-key\]/.test(text.stdout),
    'text: the report, security first',
  );

  const json = npx(consumer, 'audit', 'app', '--format', 'json');
  const report = JSON.parse(json.stdout);
  const { reportProblems } = require(join(root, 'out', 'test', 'helpers', 'reportSchema.js'));
  const problems = reportProblems(
    report,
    join(consumer, 'node_modules', 'lockin-lens', 'docs', 'json-report.schema.json'),
  );
  check(
    json.code === 0 && problems.length === 0,
    `json: keeps the contract (the packaged docs/json-report.schema.json)${problems.length ? `: ${problems.join('; ')}` : ''}`,
  );
  check(report.root === app && report.errors.length === 0, 'json: root is the audited folder, no errors');
  const reference = JSON.parse(
    spawnSync(process.execPath, [join(root, 'bin', 'lockin-lens.js'), 'audit', app, '--format', 'json'], {
      encoding: 'utf8',
      maxBuffer: 64 * 2 ** 20,
    }).stdout,
  );
  check(
    JSON.stringify(report.findings) === JSON.stringify(reference.findings) && report.findings.length > 0,
    `json: the same ${report.findings.length} findings as the working copy's build`,
  );
  check(
    report.findings.some((f) => f.ruleId === 'supabase/query-builder' && f.file === 'src/features/notes.ts'),
    'json: the query builder call in src/features/notes.ts',
  );

  const markdown = npx(consumer, 'audit', 'app', '--format', 'markdown');
  check(
    markdown.code === 0 && /^# /.test(markdown.stdout) && /supabase/i.test(markdown.stdout),
    'markdown: the exit plan',
  );

  const sarif = npx(consumer, 'audit', 'app', '--format', 'sarif');
  const doc = JSON.parse(sarif.stdout);
  const { githubUploadProblems } = require(join(root, 'out', 'test', 'helpers', 'githubSarif.js'));
  const github = githubUploadProblems(doc);
  check(
    sarif.code === 0 && github.length === 0,
    `sarif: meets GitHub's upload constraints${github.length ? `: ${github.join('; ')}` : ''}`,
  );
  const schemaErrors = sarifSchemaErrors(doc);
  check(
    schemaErrors.length === 0,
    `sarif: valid SARIF 2.1.0${schemaErrors.length ? `: ${JSON.stringify(schemaErrors)}` : ''}`,
  );
  check(
    doc.runs[0].tool.driver.semanticVersion === version && doc.runs[0].results.length === report.findings.length,
    'sarif: the package version, one result per finding',
  );
}

function sarifSchemaErrors(doc) {
  const validate = require(join(root, 'out', 'test', 'helpers', 'sarifSchema.js')).sarifValidator();
  return validate(doc) ? [] : validate.errors.slice(0, 3);
}

function exitCodes(consumer) {
  for (const format of ['text', 'json', 'markdown', 'sarif']) {
    check(
      npx(consumer, 'audit', 'app', '--format', format, '--fail-on', 'error').code === 1,
      `${format}: exit 1 with --fail-on error on an app with error findings`,
    );
  }
  check(
    npx(consumer, 'audit', 'quiet-app', '--fail-on', 'hint', '--format', 'sarif').code === 0,
    'exit 0 with --fail-on hint on the Express + Postgres app (no findings)',
  );
  check(
    npx(consumer, 'audit', 'app', '--fail-on', 'hint', '--new-only', '--baseline', 'missing.json').code === 2,
    'exit 2 when the baseline to compare with is missing',
  );
  const usage = npx(consumer, 'audit', 'app', '--format', 'xml');
  check(
    usage.code === 2 &&
      usage.stderr === "lockin-lens: unknown format 'xml' (text, json, markdown, sarif); see `lockin-lens --help`\n",
    'exit 2 and one line on a usage error',
  );
}

/** docs/ci.md's pull-request gate: a committed baseline, then only new findings fail. */
function baselineRecipe(consumer, app) {
  check(npx(consumer, 'baseline', 'app', '--quiet').code === 0, 'baseline: writes app/.lockin-lens/baseline.json');
  const clean = npx(consumer, 'audit', 'app', '--new-only', '--fail-on', 'error', '--format', 'sarif');
  check(
    clean.code === 0 && JSON.parse(clean.stdout).runs[0].results.length === 0,
    '--new-only: nothing new, exit 0, no results',
  );
  mkdirSync(join(app, 'supabase', 'migrations'), { recursive: true });
  writeFileSync(
    join(app, 'supabase', 'migrations', '20990101000000_invoices.sql'),
    'create table public.invoices (\n  id bigint primary key,\n  amount numeric not null\n);\n',
  );
  const gate = npx(consumer, 'audit', 'app', '--new-only', '--fail-on', 'error', '--format', 'sarif');
  const results = JSON.parse(gate.stdout).runs[0].results;
  check(
    gate.code === 1 &&
      results.length > 0 &&
      results.every((r) => r.locations[0].physicalLocation.artifactLocation.uri.endsWith('_invoices.sql')),
    `--new-only: a new table without RLS fails the gate, and only it is reported (${results.length})`,
  );
}

/** `npx lockin-lens lsp --stdio`, as the README's editor recipes start it: answers initialize. */
async function languageServer(consumer) {
  const child = spawn(join(consumer, 'node_modules', '.bin', 'lockin-lens'), ['lsp', '--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const body = JSON.stringify({
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { processId: process.pid, rootUri: null, capabilities: {} },
  });
  child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  let received = '';
  const answer = await new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), 30_000);
    child.stdout.on('data', (chunk) => {
      received += chunk;
      const match = /Content-Length: (\d+)\r\n\r\n/.exec(received);
      if (match && Buffer.byteLength(received.slice(match.index + match[0].length)) >= Number(match[1])) {
        clearTimeout(timer);
        resolve(JSON.parse(received.slice(match.index + match[0].length)));
      }
    });
  });
  child.kill();
  check(
    answer?.id === 1 && answer.result?.serverInfo?.name === 'lockin-lens',
    'lsp --stdio: the language server answers initialize',
  );
}
