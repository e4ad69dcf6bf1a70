// Server resilience inside a real VS Code: when the language server process dies, the client starts a
// new one and diagnostics come back (checked with an edit only a live server can answer); the user
// is told once, not at every crash; after too many crashes in a row it stops restarting, and the
// Restart Server command brings it back. Runs last: it kills the server the other suites use.

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Ctx } from '../../../client/src/ctx';

const examples = vscode.workspace.workspaceFolders![0].uri.fsPath;
const notes = vscode.Uri.file(path.join(examples, 'supabase-app/src/features/notes.ts'));
const RUNNING = 2; // vscode-languageclient State.Running
const STOPPED = 1;

/** The restart policy's bookkeeping (private fields of RestartingErrorHandler in serverClient.ts). */
interface HandlerState {
  restarts: number[];
  told: boolean;
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** Polls until the condition holds (the client's state has no event that covers process restarts). */
async function until(what: string, condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Resolves when the document's Lock-in Lens diagnostics satisfy the predicate. */
function diagnosticsWhere(uri: vscode.Uri, predicate: (d: vscode.Diagnostic[]) => boolean, timeoutMs = 30_000): Promise<void> {
  const current = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'lockin-lens');
  return until(`diagnostics on ${uri.fsPath} match (have ${current().map((d) => `${d.range.start.line + 1}:${codeOf(d)}`).join(', ')})`, () => predicate(current()), timeoutMs);
}

const queryAt = (line: number) => (ds: vscode.Diagnostic[]) => ds.some((d) => codeOf(d) === 'supabase/query-builder' && d.range.start.line === line - 1);

describe('Lock-in Lens server resilience', () => {
  let ctx: Ctx;
  const handler = () => ctx.client.clientOptions.errorHandler as unknown as HandlerState;
  const serverPid = () => ctx.client.serverProcess?.pid;

  /** Kills the server process and waits until the client has reacted (a new process, or none). */
  async function killServer(): Promise<number> {
    const pid = serverPid();
    assert.ok(pid, 'the server runs in a process of its own');
    const restartsBefore = handler().restarts.length;
    process.kill(pid, 'SIGKILL');
    await until('the client noticed the crash', () => handler().restarts.length > restartsBefore);
    return pid;
  }

  before(async () => {
    const extension = vscode.extensions.all.find((e) => e.packageJSON.name === 'lockin-lens')!;
    ctx = (await extension.activate()) as Ctx;
    // The liveness probe is a lock-in touch point moving: shown inline for these tests.
    await vscode.workspace.getConfiguration('lockinLens').update('lockin.inlineDiagnostics', true, vscode.ConfigurationTarget.Global);
    await vscode.window.showTextDocument(notes);
    await diagnosticsWhere(notes, queryAt(24));
  });

  after(async () => {
    await vscode.workspace.getConfiguration('lockinLens').update('lockin.inlineDiagnostics', undefined, vscode.ConfigurationTarget.Global);
  });

  it('restarts a killed server, tells the user once, and diagnostics come back', async () => {
    const first = await killServer();
    await until('a new server is running', () => ctx.client.state === RUNNING && serverPid() !== undefined && serverPid() !== first);
    assert.equal(handler().told, true, 'the user was told');
    // Only a live server can move the finding: insert a line above it.
    const editor = await vscode.window.showTextDocument(notes);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), '// moved\n'));
    await diagnosticsWhere(notes, queryAt(25));
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await diagnosticsWhere(notes, queryAt(24));

    const second = await killServer();
    await until('another server is running', () => ctx.client.state === RUNNING && serverPid() !== undefined && serverPid() !== second);
    assert.equal(handler().restarts.length, 2);
    assert.equal(handler().told, true, 'still one notice: the flag that shows it is already set');
  });

  it('stops restarting after five crashes in a row, and Restart Server brings it back', async () => {
    while (handler().restarts.length <= 5) {
      const pid = await killServer();
      if (handler().restarts.length <= 5) await until('the server is back', () => ctx.client.state === RUNNING && serverPid() !== undefined && serverPid() !== pid);
    }
    await until('the client gave up', () => ctx.client.state === STOPPED);
    await vscode.commands.executeCommand('lockinLens.restartServer');
    await until('the restarted server runs', () => ctx.client.state === RUNNING && serverPid() !== undefined);
    const editor = await vscode.window.showTextDocument(notes);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), '// moved\n'));
    await diagnosticsWhere(notes, queryAt(25));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
