// Lock-in Lens: Show Output — the server's log (indexing, skipped files, rule-file errors).

import type { Ctx } from '../ctx';

export function showOutput(ctx: Ctx): void {
  ctx.output.show(true);
}
