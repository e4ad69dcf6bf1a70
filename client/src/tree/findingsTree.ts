// The "Findings" view in Lock-in Lens's own view container: security first and expanded, then
// lock-in platform → capability → file → finding (platforms by estimated cost). Files read as VS
// Code's own trees do: the file name, then its folder; the counts are ours (a badge from our own
// decoration provider, never the Problems badge a file:// URI would borrow). The data comes from
// `lockin/findingsTree`, fetched when the view asks and again after each `lockin/costChanged`.

import * as vscode from 'vscode';
import {
  FindingsTree,
  FindingsTreeRequest,
  TreeCapability,
  TreeFile,
  TreeFinding,
  TreePlatform,
} from '../../../server/src/protocol';
import type { Ctx } from '../ctx';

type Node =
  | { kind: 'security'; platforms: TreePlatform[] }
  | { kind: 'platform'; platform: TreePlatform; security: boolean }
  | { kind: 'capability'; platform: string; capability: TreeCapability; security: boolean }
  | { kind: 'file'; parentId: string; file: TreeFile }
  | { kind: 'finding'; finding: TreeFinding };

/** A node and the node it hangs under (for `TreeView.reveal`). */
export type FindingsNode = Node & { parent?: FindingsNode };

const CATEGORY_ICONS: Record<string, string> = {
  sdk: 'package',
  auth: 'account',
  database: 'database',
  storage: 'file-media',
  functions: 'symbol-function',
  realtime: 'broadcast',
  ai: 'sparkle',
  messaging: 'mail',
  config: 'settings-gear',
  hosting: 'cloud',
  secrets: 'key',
  'access-control': 'lock',
  injection: 'bug',
  cors: 'globe',
  misconfiguration: 'warning',
};

const SEVERITY_ICONS: Record<TreeFinding['severity'], vscode.ThemeIcon> = {
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  info: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
  hint: new vscode.ThemeIcon('lightbulb'),
};

export class FindingsTreeProvider implements vscode.TreeDataProvider<FindingsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<FindingsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private data: Promise<FindingsTree> | undefined;
  /** The explorer view showing this tree, once registered. */
  view?: vscode.TreeView<FindingsNode>;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly ctx: Ctx) {
    this.subscription = ctx.costChanged.event(() => this.refresh());
  }

  /** Forgets the fetched tree; the view asks again if it is showing. */
  refresh(): void {
    this.data = undefined;
    this.changed.fire(undefined);
  }

  /** The whole tree as the server last answered (fetched if needed). */
  async tree(): Promise<FindingsTree> {
    this.data ??= this.ctx.client.sendRequest(FindingsTreeRequest, {}).then(undefined, (e: unknown) => {
      this.data = undefined;
      throw e;
    });
    return this.data;
  }

  async getChildren(node?: FindingsNode): Promise<FindingsNode[]> {
    return (await this.childrenOf(node)).map((child) => ({ ...child, parent: node }));
  }

  getParent(node: FindingsNode): FindingsNode | undefined {
    return node.parent;
  }

  private async childrenOf(node?: FindingsNode): Promise<Node[]> {
    if (!node) {
      const tree = await this.tree().catch(() => undefined);
      if (!tree) return [];
      const roots: Node[] = tree.security.length > 0 ? [{ kind: 'security', platforms: tree.security }] : [];
      return [...roots, ...tree.lockin.map((platform): Node => ({ kind: 'platform', platform, security: false }))];
    }
    switch (node.kind) {
      case 'security':
        return node.platforms.map((platform) => ({ kind: 'platform', platform, security: true }));
      case 'platform':
        return node.platform.capabilities.map((capability) => ({
          kind: 'capability',
          platform: node.platform.platform,
          capability,
          security: node.security,
        }));
      case 'capability':
        return node.capability.files.map((file) => ({
          kind: 'file',
          parentId: `${node.security ? 's' : 'l'}/${node.platform}/${node.capability.category}`,
          file,
        }));
      case 'file':
        return node.file.findings.map((finding) => ({ kind: 'finding', finding }));
      case 'finding':
        return [];
    }
  }

  getTreeItem(node: FindingsNode): vscode.TreeItem {
    const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    const expanded = vscode.TreeItemCollapsibleState.Expanded;
    switch (node.kind) {
      case 'security': {
        const count = node.platforms.reduce((n, p) => n + p.count, 0);
        return item('security', 'Security', `${count}`, new vscode.ThemeIcon('shield'), expanded);
      }
      case 'platform': {
        const cost = node.security
          ? undefined
          : this.ctx.lastCost?.cost.platforms.find((p) => p.platform === node.platform.platform)?.range;
        const description = `${node.platform.count}${cost ? ` · ${cost.low}–${cost.high} h` : ''}`;
        const icon = new vscode.ThemeIcon(node.security ? 'shield' : 'plug');
        return item(
          `${node.security ? 's' : 'l'}/${node.platform.platform}`,
          node.platform.name,
          description,
          icon,
          node.security ? expanded : collapsed,
        );
      }
      case 'capability': {
        const icon = new vscode.ThemeIcon(CATEGORY_ICONS[node.capability.category] ?? 'circle-outline');
        return item(
          `${node.security ? 's' : 'l'}/${node.platform}/${node.capability.category}`,
          node.capability.name,
          `${node.capability.count}`,
          icon,
          collapsed,
        );
      }
      case 'file':
        return fileItem(node.parentId, node.file);
      case 'finding':
        return findingItem(node.finding);
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function item(
  id: string,
  label: string,
  description: string,
  icon: vscode.ThemeIcon,
  state: vscode.TreeItemCollapsibleState,
): vscode.TreeItem {
  const treeItem = new vscode.TreeItem(label, state);
  treeItem.id = id;
  treeItem.description = description;
  treeItem.iconPath = icon;
  return treeItem;
}

/** The file name, its folder as the description, and our own count as its badge. */
function fileItem(parentId: string, file: TreeFile): vscode.TreeItem {
  const { name, folder } = splitLabel(file.label);
  const treeItem = new vscode.TreeItem(name, vscode.TreeItemCollapsibleState.Collapsed);
  treeItem.id = `${parentId}/${file.uri}`;
  treeItem.description = folder;
  treeItem.tooltip = `${file.label}: ${file.findings.length} ${file.findings.length === 1 ? 'finding' : 'findings'}`;
  // Not the file's own URI: that would bring the Problems badge and colours, which count other tools too.
  treeItem.resourceUri = countUri(file.label, file.findings.length);
  return treeItem;
}

/** "src/pages/Dashboard.jsx" → Dashboard.jsx in src/pages ('' at the workspace root). */
export function splitLabel(label: string): { name: string; folder: string } {
  const slash = label.lastIndexOf('/');
  return slash < 0 ? { name: label, folder: '' } : { name: label.slice(slash + 1), folder: label.slice(0, slash) };
}

const COUNT_SCHEME = 'lockin-lens-count';

function countUri(label: string, count: number): vscode.Uri {
  return vscode.Uri.from({ scheme: COUNT_SCHEME, path: `/${label}`, query: `${count}` });
}

/** Badges for the tree's file rows: the count of our findings in that row, nothing else. */
class CountDecorations implements vscode.FileDecorationProvider {
  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== COUNT_SCHEME) return undefined;
    const count = Number(uri.query);
    // A badge holds at most two characters.
    return new vscode.FileDecoration(count > 99 ? '99' : String(count), `${count} Lock-in Lens findings`);
  }
}

function findingItem(finding: TreeFinding): vscode.TreeItem {
  const at = finding.at;
  const treeItem = new vscode.TreeItem(finding.message, vscode.TreeItemCollapsibleState.None);
  treeItem.id = `${at.uri}:${at.line}:${at.column}:${finding.ruleId}`;
  treeItem.description = `line ${at.line}`;
  treeItem.tooltip = `${finding.ruleId}: ${finding.message}`;
  treeItem.iconPath = SEVERITY_ICONS[finding.severity];
  const start = new vscode.Position(at.line - 1, at.column - 1);
  const end = at.endLine && at.endColumn ? new vscode.Position(at.endLine - 1, at.endColumn - 1) : start;
  treeItem.command = {
    command: 'vscode.open',
    title: 'Open Finding',
    arguments: [vscode.Uri.parse(at.uri), { selection: new vscode.Range(start, end) }],
  };
  return treeItem;
}

export function registerFindingsTree(ctx: Ctx): {
  provider: FindingsTreeProvider;
  view: vscode.TreeView<FindingsNode>;
} {
  const provider = new FindingsTreeProvider(ctx);
  ctx.findingsTree = provider;
  const view = vscode.window.createTreeView('lockinLens.findings', {
    treeDataProvider: provider,
    showCollapseAll: true,
  });
  provider.view = view;
  ctx.extension.subscriptions.push(vscode.window.registerFileDecorationProvider(new CountDecorations()));
  return { provider, view };
}
