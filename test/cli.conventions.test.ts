// The CLI behaves as command-line tools are expected to: --version, one-line usage errors (exit 2)
// pointing at --help, Node's own argument parsing with every flag kept, --quiet, NO_COLOR, and a
// progress line on stderr only on a terminal outside CI or when asked for.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseArgs } from '../server/src/cli/args';
import { inCI, ProgressLine, progressWanted, SHOW_AFTER_MS } from '../server/src/cli/progress';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'lockin-lens.js');
const APP = join(ROOT, 'examples', 'supabase-app');
const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
/** The environment of a developer's shell: no CI, no NO_COLOR. */
const PLAIN_ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'CI' && k !== 'NO_COLOR'));

function run(args: string[], env: NodeJS.ProcessEnv = PLAIN_ENV) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the CLI with a terminal as stdin, stdout and stderr (util-linux `script`); returns what the terminal got. */
function onTerminal(args: string[], env: NodeJS.ProcessEnv = PLAIN_ENV): string {
  const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const result = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env });
  assert.equal(result.error, undefined, 'util-linux script is needed to give the CLI a terminal');
  return result.stdout;
}

describe('lockin-lens --version and --help', () => {
  it('prints the package version alone', () => {
    for (const args of [['--version'], ['audit', '--version']]) {
      const { code, stdout, stderr } = run(args);
      assert.deepEqual({ code, stdout, stderr }, { code: 0, stdout: `${VERSION}\n`, stderr: '' });
    }
  });

  it('prints the help on stdout with exit 0, listing every option', () => {
    const { code, stdout } = run(['audit', '--help']);
    assert.equal(code, 0);
    for (const option of ['--format', '--fail-on', '--new-only', '--baseline', '--calibration', '--hourly-rate', '--currency', '--rules', '--exclude', '--max-file-size', '--workers', '--progress', '--quiet', '--version']) {
      assert.ok(stdout.includes(option), option);
    }
  });
});

describe('usage errors', () => {
  const cases: [string[], string][] = [
    [[], 'no command given (audit, baseline or lsp)'],
    [['frobnicate'], "unknown command 'frobnicate'"],
    [['audit', APP, '--format', 'xml'], "unknown format 'xml' (text, json, markdown, sarif)"],
    [['audit', APP, '--fail-on', 'fatal'], "unknown severity 'fatal' (error, warning, info, hint)"],
    [['audit', join(APP, 'missing')], `'${join(APP, 'missing')}' is not a folder`],
    [['audit', APP, '--bogus'], "unknown option '--bogus'"],
    [['audit', APP, '-x'], "unknown option '-x'"],
    [['audit', APP, '--format'], '--format needs a value'],
    [['audit', APP, '--rules', '--exclude', 'x'], "--rules needs a value (write --rules=VALUE for a value starting with '-')"],
    [['audit', APP, '--new-only=yes'], '--new-only takes no value'],
    [['audit', APP, APP], `unexpected argument '${APP}'`],
    [['audit', APP, '--workers', '1.5'], '--workers needs a whole number (0 for none)'],
    [['audit', APP, '--max-file-size', '0'], '--max-file-size needs a positive number of KB'],
    [['baseline', APP, '--hourly-rate', 'lots'], '--hourly-rate needs a positive number'],
  ];
  for (const [args, message] of cases) {
    it(`${args.join(' ') || '(nothing)'}: one line, exit 2`, () => {
      const { code, stdout, stderr } = run(args);
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.equal(stderr, `lockin-lens: ${message}; see \`lockin-lens --help\`\n`);
    });
  }
});

describe('argument parsing (util.parseArgs)', () => {
  it('keeps every flag: values, repeated --rules and --exclude, --name=value, and -- before a folder', () => {
    const options = parseArgs([APP, '--format=sarif', '--fail-on', 'warning', '--rules', 'rules', '--rules=test', '--exclude', 'a/**', '--exclude=b/**', '--new-only', '--baseline', 'b.json', '--hourly-rate', '90', '--currency', 'EUR', '--max-file-size', '2', '--workers', '0', '-q']);
    assert.deepEqual(options, {
      path: APP, format: 'sarif', failOn: 'warning', rules: ['rules', 'test'], exclude: ['a/**', 'b/**'], newOnly: true, baseline: 'b.json', calibration: undefined,
      hourlyRate: 90, currency: 'EUR', maxFileBytes: 2048, workers: 0, quiet: true, progress: false, cache: true,
    });
    assert.equal(parseArgs([APP, '--no-cache']).cache, false, '--no-cache leaves the scan cache alone');
    assert.equal(parseArgs(['--', APP]).path, APP);
    assert.deepEqual(parseArgs([APP, '--format', 'json', '--format', 'markdown']).format, 'markdown', 'the last value wins, as before');
  });

  it('defaults to the current folder, text, no threshold', () => {
    const options = parseArgs([]);
    assert.deepEqual([options.path, options.format, options.failOn, options.rules, options.exclude, options.quiet, options.progress], ['.', 'text', undefined, [], [], false, false]);
  });
});

describe('--quiet and NO_COLOR', () => {
  it('--quiet lists only the security findings, one compiler-style line each', () => {
    const full = JSON.parse(run(['audit', APP, '--format', 'json']).stdout) as { findings: { kind: string; file: string; line: number; column: number; ruleId: string }[] };
    const { code, stdout, stderr } = run(['audit', APP, '--quiet']);
    assert.equal(code, 0);
    assert.equal(stderr, '');
    const expected = full.findings.filter((f) => f.kind === 'security').map((f) => `${f.file}:${f.line}:${f.column}  `);
    const lines = stdout.trimEnd().split('\n');
    assert.equal(lines.length, expected.length);
    lines.forEach((line, i) => assert.ok(line.startsWith(expected[i]), line));
    assert.match(lines.find((l) => l.startsWith('src/lib/adminClient.ts:6:27'))!, /^src\/lib\/adminClient\.ts:6:27 {2}error {3}Supabase service_role JWT eyJh…U-oE .*\[supabase\/service-role-key\]$/);
  });

  it('--quiet with --fail-on lists only the findings that fail the run, and nothing when none does', () => {
    const failing = run(['audit', APP, '-q', '--fail-on', 'error']);
    assert.equal(failing.code, 1);
    assert.ok(failing.stdout.split('\n').filter(Boolean).every((l) => / {2}error {3}/.test(l)));
    assert.doesNotMatch(failing.stdout, /warning/);
    const clean = run(['audit', join(ROOT, 'examples', 'express-postgres'), '-q', '--fail-on', 'warning']);
    assert.deepEqual([clean.code, clean.stdout, clean.stderr], [0, '', '']);
  });

  it('leaves machine formats whole under --quiet', () => {
    const withoutTime = (stdout: string) => stdout.replace(/"ms": \d+/, '"ms": 0');
    const quiet = run(['audit', APP, '-q', '--format', 'json']).stdout;
    assert.equal(withoutTime(quiet), withoutTime(run(['audit', APP, '--format', 'json']).stdout));
    assert.ok(JSON.parse(quiet).findings.some((f: { kind: string }) => f.kind === 'lockin'));
  });

  it('colours the text report on a terminal, and not with NO_COLOR set', () => {
    assert.match(onTerminal(['audit', APP, '-q']), /\x1b\[31merror/);
    const plain = onTerminal(['audit', APP, '-q'], { ...PLAIN_ENV, NO_COLOR: '1' });
    assert.match(plain, /error/);
    assert.doesNotMatch(plain, /\x1b\[/);
  });
});

describe('the progress line', () => {
  it('is never written to a pipe unless asked for', () => {
    assert.equal(run(['audit', APP, '--format', 'json']).stderr, '');
  });

  it('--progress writes plain lines to a pipe: files scanned of the total, elapsed seconds', () => {
    const { code, stderr } = run(['audit', APP, '--format', 'json', '--progress'], { ...PLAIN_ENV, CI: 'true' });
    assert.equal(code, 0);
    const lines = stderr.trimEnd().split('\n');
    assert.match(lines[0], /^lockin-lens: scanned 1 of (\d+) files, \d+\.\d s$/);
    const total = /of (\d+) files/.exec(lines[0])![1];
    assert.match(lines.at(-1)!, new RegExp(`^lockin-lens: scanned ${total} of ${total} files, \\d+\\.\\d s$`));
    assert.doesNotMatch(stderr, /\r/);
  });

  it('is one line redrawn in place on a terminal, and wiped before the report', () => {
    const screen = onTerminal(['audit', APP, '--progress']);
    assert.match(screen, /^\rlockin-lens: scanned 1 of (\d+) files, \d+\.\d s\r/);
    const wipe = /\r {20,}\r/.exec(screen);
    assert.ok(wipe, 'the line is wiped');
    const after = screen.slice(wipe.index + wipe[0].length);
    assert.match(after, /^(\x1b\[1m)?Lock-in Lens audit of /, 'then the report starts');
    assert.doesNotMatch(after, /scanned/);
  });

  it('--quiet wins over --progress', () => {
    assert.equal(run(['audit', APP, '--format', 'json', '--progress', '--quiet']).stderr, '');
  });

  it('is wanted on a terminal outside CI, or when asked for, never when quiet', () => {
    const tty = { write: () => true, isTTY: true };
    const pipe = { write: () => true };
    const off = { quiet: false, progress: false };
    assert.equal(progressWanted(off, tty, {}), true);
    assert.equal(progressWanted(off, tty, { CI: 'true' }), false);
    assert.equal(progressWanted(off, tty, { CI: 'false' }), true);
    assert.equal(progressWanted(off, tty, { TF_BUILD: 'True' }), false);
    assert.equal(progressWanted(off, pipe, {}), false);
    assert.equal(progressWanted({ quiet: false, progress: true }, pipe, { CI: '1' }), true);
    assert.equal(progressWanted({ quiet: true, progress: true }, tty, {}), false);
    assert.deepEqual([inCI({ CI: '' }), inCI({ CI: '0' }), inCI({ CI: 'TRUE' })], [false, false, true]);
  });

  it('on a terminal shows nothing for the first second, then redraws at most every 100 ms, then wipes', () => {
    let now = 0;
    const written: string[] = [];
    const line = new ProgressLine({ write: (s: string) => written.push(s), isTTY: true }, false, () => now);
    now = SHOW_AFTER_MS - 1;
    line.update(10, 100);
    assert.deepEqual(written, [], 'a quick audit shows nothing');
    now = SHOW_AFTER_MS;
    line.update(11, 100);
    now += 50;
    line.update(12, 100);
    now += 60;
    line.update(200, 1000);
    line.update(1000, 1000);
    line.end();
    assert.deepEqual(written, [
      '\rlockin-lens: scanned 11 of 100 files, 1.0 s',
      '\rlockin-lens: scanned 200 of 1000 files, 1.1 s',
      '\rlockin-lens: scanned 1000 of 1000 files, 1.1 s',
      '\r' + ' '.repeat('lockin-lens: scanned 1000 of 1000 files, 1.1 s'.length) + '\r',
    ]);
  });
});

describe('a reader that closes the pipe early', () => {
  it('ends the audit quietly, as `lockin-lens audit . | head -1` expects', () => {
    const bin = [process.execPath, BIN].map((a) => `'${a}'`).join(' ');
    // The report is far longer than one pipe buffer, so the write fails with EPIPE once head exits.
    const shell = `${bin} audit '${join(ROOT, 'examples')}' --format json | head -c 10 >/dev/null; echo "rc=\${PIPESTATUS[0]}"`;
    const result = spawnSync('bash', ['-c', shell], { encoding: 'utf8', env: PLAIN_ENV });
    assert.equal(result.stderr, '', 'no stack trace');
    assert.equal(result.stdout.trim(), 'rc=0');
  });
});
