// The Lock-in Lens language server: wires LSP messages to the session. Runs inside VS Code (started
// by the extension over IPC) and standalone (`lockin-lens lsp --stdio`) for any LSP editor.

import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { fileURLToPath } from 'node:url';
import { AuditWorkspaceRequest, ExitPlanRequest, FindingsTreeRequest, TouchPointsRequest } from './protocol';
import { auditWorkspace } from './lsp/auditRequest';
import { codeActionsFor } from './lsp/codeActions';
import { exitPlan } from './lsp/exitPlanRequest';
import { findingsTree } from './lsp/findingsTree';
import { uriOf } from './lsp/folders';
import { hoverFor } from './lsp/hover';
import { Session } from './lsp/session';
import { touchPoints } from './lsp/touchPoints';
import { DocumentReports } from './lsp/documentReports';
import { foldedDocuments } from './lsp/foldedText';
import { MessageActivity } from './lsp/updateQueue';
import { workspaceReport } from './lsp/workspaceReports';

export function startServer(): void {
  const activity = new MessageActivity();
  const connection = createConnection(ProposedFeatures.all, { messageStrategy: activity });
  // Edits are queued and folded in when the text is read (most versions never are: openDocuments.ts).
  const documents = new TextDocuments(foldedDocuments);
  const session = new Session(connection, documents, activity);
  let folderUris: string[] = [];
  let folderEventsSupported = false;

  connection.onInitialize((params) => {
    session.trusted = params.initializationOptions?.trusted !== false;
    session.configurationSupported = params.capabilities.workspace?.configuration === true;
    session.diagnosticRefreshSupported = params.capabilities.workspace?.diagnostics?.refreshSupport === true;
    folderEventsSupported = params.capabilities.workspace?.workspaceFolders === true;
    folderUris = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (folderUris.length === 0 && params.rootUri) folderUris = [params.rootUri];
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        diagnosticProvider: { identifier: 'lockin-lens', interFileDependencies: true, workspaceDiagnostics: true },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'lockin-lens' },
    };
  });

  connection.onInitialized(() => {
    if (session.configurationSupported) connection.client.register(DidChangeConfigurationNotification.type, { section: 'lockinLens' });
    if (folderEventsSupported) {
      connection.workspace.onDidChangeWorkspaceFolders(async (event) => {
        for (const removed of event.removed) session.folders.removeRoot(fileURLToPath(removed.uri));
        const added = await Promise.all(event.added.map((f) => session.addFolder(f.uri)));
        await session.indexFolders(added);
      });
    }
    // Folders are set up first in the update queue, so documents opened meanwhile land in their
    // folder; the whole-workspace index then runs in the background, not in the queue.
    void session.enqueue(async () => {
      const folders = await Promise.all(folderUris.map((uri) => session.addFolder(uri)));
      session.log(`started (${session.trusted ? 'trusted' : 'untrusted: workspace rules not loaded'}) for ${folders.length} folder(s)`);
      void session.indexFolders(folders);
    });
  });

  // Opening a document also fires a content change: one update serves both (see applyDocument).
  documents.onDidChangeContent((e) => session.documentChanged(e.document, 'change'));
  documents.onDidSave((e) => session.documentChanged(e.document, 'save'));
  documents.onDidClose((e) => session.documentClosed(e.document));
  connection.onDidChangeWatchedFiles((params) => session.filesChanged(params.changes));
  connection.onDidChangeConfiguration(() => session.configurationChanged());

  connection.languages.diagnostics.on(async (params, token) => {
    const uri = params.textDocument.uri;
    const items = await session.diagnosticsFor(uri, token);
    // The editor cancels a pull when the text changes again: the findings it would carry are dropped.
    if (!items) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'the document changed; pull again');
    return documentReports.report(uri, items, params.previousResultId);
  });
  const documentReports = new DocumentReports();
  documents.onDidClose((e) => documentReports.forget(e.document.uri));

  connection.languages.diagnostics.onWorkspace(async (params, token) => {
    const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]));
    if (previous.size > 0 && session.versions.current() === lastWorkspaceGeneration) await session.versions.waitForChange(token);
    lastWorkspaceGeneration = session.versions.current();
    const entries = session.folders.all().flatMap((folder) => {
      const settings = session.folderSettingsOf(folder);
      return [...folder.findings.keys()]
        .map((rel) => ({ uri: uriOf(folder, rel), items: () => session.diagnosticsWith(folder, rel, settings) }))
        .filter((entry) => !documents.get(entry.uri));
    });
    const current = new Set(entries.map((e) => e.uri));
    const gone = [...previous.keys()].filter((uri) => !current.has(uri) && !documents.get(uri)).map((uri) => ({ uri, items: () => [] }));
    return { items: workspaceReport([...entries, ...gone], previous, session.versions) };
  });
  let lastWorkspaceGeneration = -1;

  // Hover answers at once from the findings last analysed (a document just opened is analysed first),
  // with a note when newer edits are not analysed yet.
  connection.onHover(async (params) => {
    const uri = params.textDocument.uri;
    if (session.openDocuments.isNew(uri)) await session.openDocuments.analyse(uri);
    const at = session.findingsAt(uri);
    return at && hoverFor(at.findings, params.position, at.folder.state, !session.openDocuments.isCurrent(uri));
  });

  // Quick fixes need only the diagnostics the editor sends (placed on its current text) and the text.
  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? codeActionsFor(document, params.context.diagnostics, session.docsHref) : [];
  });

  connection.onRequest(AuditWorkspaceRequest, (params, token) =>
    auditWorkspace(session, params, token, connection.window.attachWorkDoneProgress(params.workDoneToken)),
  );

  connection.onRequest(FindingsTreeRequest, () => findingsTree(session));
  connection.onRequest(ExitPlanRequest, (params) => exitPlan(session, params));
  connection.onRequest(TouchPointsRequest, (params, token) => touchPoints(session, params.uri, token));

  documents.listen(connection);
  connection.listen();
}
