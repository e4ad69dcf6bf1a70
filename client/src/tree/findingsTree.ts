// The explorer's "Lock-in Findings" view: platform → capability → file → finding, lock-in first
// (platforms by estimated cost), security findings under their own node. The data comes from
// `lockin/findingsTree`, fetched when the view asks and again after each `lockin/costChanged`.

import * as vscode from 'vscode';
import { FindingsTree, FindingsTreeRequest, TreeCapability, TreeFile, TreeFinding, TreePlatform } from '../../../server/src/protocol';
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
  sdk: 'package', auth: 'account', database: 'database', storage: 'file-media', functions: 'symbol-function',
  realtime: 'broadcast', ai: 'sparkle', messaging: 'mail', config: 'settings-gear', hosting: 'cloud',
  secrets: 'key', 'access-control': 'lock', injection: 'bug', cors: 'globe', misconfiguration: 'warning',
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
      const roots: Node[] = tree.lockin.map((platform) => ({ kind: 'platform', platform, security: false }));
      if (tree.security.length > 0) roots.push({ kind: 'security', platforms: tree.security });
      return roots;
    }
    switch (node.kind) {
      case 'security':
        return node.platforms.map((platform) => ({ kind: 'platform', platform, security: true }));
      case 'platform':
        return node.platform.capabilities.map((capability) => ({ kind: 'capability', platform: node.platform.platform, capability, security: node.security }));
      case 'capability':
        return node.capability.files.map((file) => ({ kind: 'file', parentId: `${node.security ? 's' : 'l'}/${node.platform}/${node.capability.category}`, file }));
      case 'file':
        return node.file.findings.map((finding) => ({ kind: 'finding', finding }));
      case 'finding':
        return [];
    }
  }

  getTreeItem(node: FindingsNode): vscode.TreeItem {
    const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    switch (node.kind) {
      case 'security': {
        const count = node.platforms.reduce((n, p) => n + p.count, 0);
        return item('security', 'Security', `${count}`, new vscode.ThemeIcon('shield'), collapsed);
      }
      case 'platform': {
        const cost = node.security ? undefined : this.ctx.lastCost?.cost.platforms.find((p) => p.platform === node.platform.platform)?.range;
        const description = `${node.platform.count}${cost ? ` · ${cost.low}–${cost.high} h` : ''}`;
        return item(`${node.security ? 's' : 'l'}/${node.platform.platform}`, node.platform.platform, description, new vscode.ThemeIcon(node.security ? 'shield' : 'plug'), collapsed);
      }
      case 'capability':
        return item(`${node.security ? 's' : 'l'}/${node.platform}/${node.capability.category}`, node.capability.category, `${node.capability.count}`, new vscode.ThemeIcon(CATEGORY_ICONS[node.capability.category] ?? 'circle-outline'), collapsed);
      case 'file': {
        const file = item(`${node.parentId}/${node.file.uri}`, node.file.label, `${node.file.findings.length}`, vscode.ThemeIcon.File, collapsed);
        file.resourceUri = vscode.Uri.parse(node.file.uri);
        return file;
      }
      case 'finding':
        return findingItem(node.finding);
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function item(id: string, label: string, description: string, icon: vscode.ThemeIcon, state: vscode.TreeItemCollapsibleState): vscode.TreeItem {
  const treeItem = new vscode.TreeItem(label, state);
  treeItem.id = id;
  treeItem.description = description;
  treeItem.iconPath = icon;
  return treeItem;
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
  treeItem.command = { command: 'vscode.open', title: 'Open Finding', arguments: [vscode.Uri.parse(at.uri), { selection: new vscode.Range(start, end) }] };
  return treeItem;
}

export function registerFindingsTree(ctx: Ctx): { provider: FindingsTreeProvider; view: vscode.TreeView<FindingsNode> } {
  const provider = new FindingsTreeProvider(ctx);
  ctx.findingsTree = provider;
  const view = vscode.window.createTreeView('lockinLens.findings', { treeDataProvider: provider, showCollapseAll: true });
  provider.view = view;
  return { provider, view };
}
