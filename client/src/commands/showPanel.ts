// Lock-in Lens: Show Lock-in Panel — the live migration-cost panel (also the status-bar item's
// action). Returns the panel, whose `lastRendered` and `onDidRender` the extension tests read.

import type { Ctx } from '../ctx';
import { LockinPanel } from '../panel/lockinPanel';

export function showPanel(ctx: Ctx): LockinPanel {
  return LockinPanel.show(ctx);
}
