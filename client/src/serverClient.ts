// Starts the language server (the bundled CLI's `lsp` command) and keeps it running: if the
// process dies it is restarted a bounded number of times, and the user is told once.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, ErrorHandler, LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

/** Files the server reads: code, SQL, platform rules and config, env files. */
const WATCHED = '**/{*.js,*.jsx,*.ts,*.tsx,*.mjs,*.cjs,*.mts,*.cts,*.json,*.jsonc,*.sql,*.rules,*.toml,*.yaml,*.yml,.env,.env.*,*.env,.dev.vars,_redirects,_headers}';

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'cli.js'));
  // The server keeps V8's code cache (see server/src/cli/loader.ts) in the extension's own storage,
  // which VS Code removes with the extension.
  const env = { ...process.env, LOCKIN_LENS_CACHE_DIR: path.join(context.globalStorageUri.fsPath, 'code-cache') };
  const serverOptions: ServerOptions = {
    run: { module, args: ['lsp'], transport: TransportKind.ipc, options: { env } },
    debug: { module, args: ['lsp'], transport: TransportKind.ipc, options: { env, execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', pattern: WATCHED }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher(WATCHED) },
    initializationOptions: { trusted: vscode.workspace.isTrusted },
    diagnosticPullOptions: { onChange: true, onSave: true },
    outputChannel: output,
    errorHandler: new RestartingErrorHandler(output),
  };
  return new LanguageClient('lockinLens', 'Lock-in Lens', serverOptions, clientOptions);
}

/** Restarts a crashed server up to MAX_RESTARTS times in RESTART_WINDOW_MS, telling the user once. */
class RestartingErrorHandler implements ErrorHandler {
  private restarts: number[] = [];
  private told = false;

  constructor(private readonly output: vscode.LogOutputChannel) {}

  error(): { action: ErrorAction } {
    return { action: ErrorAction.Continue };
  }

  closed(): { action: CloseAction; message?: string; handled?: boolean } {
    const now = Date.now();
    this.restarts = this.restarts.filter((t) => now - t < RESTART_WINDOW_MS);
    this.restarts.push(now);
    if (this.restarts.length > MAX_RESTARTS) {
      return { action: CloseAction.DoNotRestart, message: 'The Lock-in Lens server stopped repeatedly and will not be restarted. See the output channel, then run "Lock-in Lens: Restart Server".' };
    }
    this.output.appendLine(`[client] server stopped unexpectedly; restarting (${this.restarts.length} of ${MAX_RESTARTS})`);
    if (!this.told) {
      this.told = true;
      void vscode.window.showWarningMessage('The Lock-in Lens server stopped unexpectedly and was restarted.');
    }
    return { action: CloseAction.Restart, handled: true };
  }
}
