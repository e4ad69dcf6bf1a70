// Drives the language server over stdio exactly as an editor does, for server tests and the
// edit-loop benchmark.

import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  createProtocolConnection,
  ProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

const CLI = join(__dirname, '..', '..', '..', 'dist', 'cli.js');

/**
 * Lock-in touch points are not diagnostics by default; the server tests about diagnostics turn
 * them on as a user would (the default itself has its own test).
 */
export const INLINE_LOCKIN = { lockin: { enable: true, inlineDiagnostics: true } };

export interface TestServer {
  connection: ProtocolConnection;
  process: ChildProcess;
  logs: string[];
  /** Settings the server gets when it asks for `lockinLens` (change, then notify). */
  settings: Record<string, unknown>;
  /** The last full report pulled per document (see pull). */
  reports: Map<string, { resultId?: string; items: PulledDiagnostic[] }>;
  stop(): Promise<void>;
}

/** `uid` runs the server as another user (root reads every file; tests of unreadable ones drop to `nobody`). */
export async function startServer(
  rootPath: string,
  options: { trusted?: boolean; uid?: number } = {},
): Promise<TestServer> {
  const asUser = options.uid === undefined ? {} : { uid: options.uid, gid: options.uid };
  // LOCKIN_LENS_PROFILE_DIR: the server writes a CPU profile there when it exits (to profile the benches).
  const profileDir = process.env.LOCKIN_LENS_PROFILE_DIR;
  const nodeArgs = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  const child = spawn(process.execPath, [...nodeArgs, CLI, 'lsp', '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    ...asUser,
  });
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout!),
    new StreamMessageWriter(child.stdin!),
  );
  const server: TestServer = {
    connection,
    process: child,
    logs: [],
    settings: { ...INLINE_LOCKIN },
    reports: new Map(),
    stop: async () => undefined,
  };
  connection.onNotification('window/logMessage', (p: { message: string }) => void server.logs.push(p.message));
  connection.onNotification('lockin/summaryChanged', () => undefined);
  connection.onNotification('lockin/showMessageOnce', (p: { message: string }) => void server.logs.push(p.message));
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => server.settings));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  const uri = pathToFileURL(rootPath).toString();
  await connection.sendRequest('initialize', {
    // The server exits when it cannot signal this process, as when it runs as another user.
    processId: options.uid === undefined ? process.pid : null,
    rootUri: uri,
    workspaceFolders: [{ uri, name: 'root' }],
    capabilities: {
      workspace: { configuration: true, diagnostics: { refreshSupport: true } },
      textDocument: { diagnostic: {} },
    },
    initializationOptions: { trusted: options.trusted ?? true },
  });
  connection.sendNotification('initialized', {});
  server.stop = async () => {
    await connection.sendRequest('shutdown').catch(() => undefined);
    await connection.sendNotification('exit').catch(() => undefined);
    // A profiling server needs a moment after `exit` to write its profile.
    if (profileDir && child.exitCode === null) await new Promise((r) => setTimeout(r, 3000));
    connection.dispose();
    child.kill();
  };
  return server;
}

export function uriOf(root: string, rel: string): string {
  return pathToFileURL(join(root, rel)).toString();
}

/** Waits until the server has logged a line matching the pattern. */
export async function waitForLog(server: TestServer, pattern: RegExp, timeoutMs = 10_000): Promise<string> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const found = server.logs.find((l) => pattern.test(l));
    if (found) return found;
    if (Date.now() > end) throw new Error(`no log matching ${pattern}; got:\n${server.logs.join('\n')}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export interface PulledDiagnostic {
  code: string;
  source: string;
  message: string;
  severity: number;
  range: { start: { line: number; character: number } };
  codeDescription?: { href: string };
  data: { kind: string; platform: string; category: string; fingerprint: string };
}

/**
 * A document's diagnostics, pulled as VS Code pulls them: with the result id of the last report, so
 * the server may answer `unchanged` (then the last items stand).
 */
export async function pull(server: TestServer, uri: string): Promise<PulledDiagnostic[]> {
  const last = server.reports.get(uri);
  const report = await server.connection.sendRequest<PullReport>('textDocument/diagnostic', {
    textDocument: { uri },
    previousResultId: last?.resultId,
  });
  if (report.kind === 'unchanged' && last) return last.items;
  if (report.kind === 'unchanged') throw new Error(`unchanged report for ${uri} without an earlier one`);
  server.reports.set(uri, { resultId: report.resultId, items: report.items });
  return report.items;
}

type PullReport =
  { kind: 'full'; resultId?: string; items: PulledDiagnostic[] } | { kind: 'unchanged'; resultId: string };

/**
 * Pulls one document's diagnostics as vscode-languageclient does while the user types: at most one
 * pull in flight; a change meanwhile cancels it, and one new pull follows once it has settled. The
 * last report received after the last change is what the editor ends up showing.
 */
export class EditorPuller {
  /** Every report that was not cancelled, with its arrival time (performance.now()). */
  readonly received: { at: number; items: PulledDiagnostic[] }[] = [];
  /** Pulls answered with a cancellation error. */
  cancelled = 0;
  private inFlight?: CancellationTokenSource;
  private again = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly server: TestServer,
    private readonly uri: string,
  ) {}

  /** Call after each didChange of the document (and once after opening it). */
  changed(): void {
    if (this.inFlight) {
      this.inFlight.cancel();
      this.again = true;
      return;
    }
    this.start();
  }

  /** Resolves once no pull is in flight or due. */
  idle(): Promise<void> {
    return this.inFlight ? new Promise((resolve) => this.idleWaiters.push(resolve)) : Promise.resolve();
  }

  /** The items the editor shows now. */
  latest(): PulledDiagnostic[] | undefined {
    return this.received.at(-1)?.items;
  }

  private start(): void {
    const source = new CancellationTokenSource();
    this.inFlight = source;
    const last = this.server.reports.get(this.uri);
    const request = this.server.connection.sendRequest<PullReport>(
      'textDocument/diagnostic',
      { textDocument: { uri: this.uri }, previousResultId: last?.resultId },
      source.token,
    );
    request.then(
      (report) => this.settle(report, source),
      () => this.settle(undefined, source),
    );
  }

  private settle(report: PullReport | undefined, source: CancellationTokenSource): void {
    // A report that arrives after the editor cancelled its request is dropped, as the editor does.
    if (report && !source.token.isCancellationRequested) {
      const items = report.kind === 'full' ? report.items : (this.server.reports.get(this.uri)?.items ?? []);
      if (report.kind === 'full') this.server.reports.set(this.uri, { resultId: report.resultId, items });
      this.received.push({ at: performance.now(), items });
    } else this.cancelled++;
    this.inFlight = undefined;
    if (this.again) {
      this.again = false;
      this.start();
      return;
    }
    for (const wake of this.idleWaiters.splice(0)) wake();
  }
}
