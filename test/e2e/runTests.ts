// Runs the extension tests inside a real VS Code. On a developer's desktop @vscode/test-electron
// downloads VS Code; on machines without that download (CI here) VSCODE_EXECUTABLE points at
// code-headless.js, which runs the same tests in code-server's VS Code in headless Chromium.

import { existsSync, mkdtempSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

/** VSCODE_EXECUTABLE, else code-headless.js when install-vscode.sh has filled its tools folder. */
function vscodeExecutable(root: string): string | undefined {
  if (process.env.VSCODE_EXECUTABLE) return process.env.VSCODE_EXECUTABLE;
  const tools = process.env.LOCKIN_VSCODE_TOOLS || join(homedir(), '.cache', 'lockin-lens-vscode');
  return existsSync(join(tools, 'node_modules', 'code-server')) ? join(root, 'test', 'e2e', 'code-headless.js') : undefined;
}

async function main(): Promise<void> {
  // The whole suite in one code-server session: about 4 minutes here, more on a busy machine.
  process.env.CODE_HEADLESS_TIMEOUT_MS ??= '600000';
  const root = resolve(__dirname, '..', '..', '..');
  const workspace = join(root, 'examples');
  try {
    await runTests({
      vscodeExecutablePath: vscodeExecutable(root),
      extensionDevelopmentPath: root,
      extensionTestsPath: join(__dirname, 'suite', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', `--user-data-dir=${mkdtempSync(join(tmpdir(), 'lockin-vscode-'))}`],
    });
  } catch (e) {
    console.error('extension tests failed:', e);
    process.exit(1);
  }
}

void main();
