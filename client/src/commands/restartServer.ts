// Lock-in Lens: Restart Server — after changing rule files or when something looks stale.

import * as vscode from 'vscode';
import type { Ctx } from '../ctx';

export async function restartServer(ctx: Ctx): Promise<void> {
  await ctx.restart();
  void vscode.window.setStatusBarMessage('Lock-in Lens server restarted', 3000);
}
