// Timing a child process from spawn to exit, with its peak resident memory: through GNU time
// (/usr/bin/time, Debian package `time`) when it is installed, otherwise by polling the child's
// /proc/<pid>/status high-water mark (VmHWM) while it runs (Linux only; the last poll may miss a
// late peak, so such figures are marked with `~`).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';
const hasGnuTime = existsSync(GNU_TIME);
let runs = 0;

/**
 * Runs a command to its end: `{ ms, rssMb, approximate, status, stdout, stderr }`. ms is wall time
 * from spawn to exit as seen here (process start-up included: what a user waits for).
 */
export async function measure(command, args, options = {}) {
  const rssFile = join(tmpdir(), `lockin-measure-${process.pid}-${runs++}.txt`);
  const [file, argv] = hasGnuTime ? [GNU_TIME, ['-f', '%M', '-o', rssFile, command, ...args]] : [command, args];
  const started = performance.now();
  const child = spawn(file, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const polled = hasGnuTime ? undefined : pollPeak(child.pid);
  const stdout = [];
  const stderr = [];
  child.stdout.on('data', (d) => stdout.push(d));
  child.stderr.on('data', (d) => stderr.push(d));
  const status = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? signal));
  });
  const ms = performance.now() - started;
  let rssKb = polled?.stop();
  if (hasGnuTime) {
    // GNU time appends "Command exited with non-zero status N" before the figure on failure.
    const text = existsSync(rssFile) ? readFileSync(rssFile, 'utf8').trim().split('\n').pop() : '';
    rssKb = Number(text) || undefined;
    rmSync(rssFile, { force: true });
  }
  return {
    ms: Math.round(ms),
    rssMb: rssKb === undefined ? undefined : Math.round(rssKb / 1024),
    approximate: !hasGnuTime,
    status,
    stdout: Buffer.concat(stdout).toString('utf8'),
    stderr: Buffer.concat(stderr).toString('utf8'),
  };
}

function pollPeak(pid) {
  let peak;
  const read = () => {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (match) peak = Math.max(peak ?? 0, Number(match[1]));
    } catch {
      // gone already, or not Linux
    }
  };
  const timer = setInterval(read, 25);
  read();
  return { stop: () => (clearInterval(timer), peak) };
}

/** The resident and peak memory of a running process, in MB (Linux /proc), or undefined. */
export function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1]);
    return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
  } catch {
    return undefined;
  }
}

/** The middle value of a list of numbers (the lower middle for an even count). */
export function median(values) {
  const sorted = values.filter((v) => v !== undefined).sort((a, b) => a - b);
  return sorted.length === 0 ? undefined : sorted[Math.floor((sorted.length - 1) / 2)];
}
