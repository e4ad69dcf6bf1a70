// What the lock-in panel shows (`lockin/costChanged`), built from the findings the server already
// holds: no file is re-read or re-scanned. Sent after the same debounce as the workspace summary,
// and only when something the panel shows changed.

import { CostChangedNotification, CostChangedParams } from '../protocol';
import { checklistAnswers } from './checklist';
import { costView, estimate, workspaceCostOptions } from './costView';
import { firstOf, locatedFindings } from './located';
import type { Session } from './session';

export function panelParams(session: Session): CostChangedParams {
  const located = locatedFindings(session);
  const lockin = located.filter((l) => l.finding.kind === 'lockin');
  const security = located.filter((l) => l.finding.kind === 'security');
  const summary = estimate(located.map((l) => l.finding), workspaceCostOptions(session));
  const cost = costView(summary, lockin);
  const files = session.folders.all().reduce((n, folder) => n + folder.state.scans.size, 0);
  return {
    files,
    lockin: lockin.length,
    cost,
    security: {
      total: security.length,
      errors: security.filter((l) => l.finding.severity === 'error').length,
      warnings: security.filter((l) => l.finding.severity === 'warning').length,
      at: firstOf(security.filter((l) => l.finding.severity === 'error')) ?? firstOf(security),
    },
    checklist: checklistAnswers(located, summary, cost),
  };
}

/** Sends `lockin/costChanged` when what the panel shows differs from what was sent last. */
export class PanelPublisher {
  private lastSent = '';

  constructor(private readonly session: Session) {}

  publish(): void {
    try {
      const params = panelParams(this.session);
      const json = JSON.stringify(params);
      if (json === this.lastSent) return;
      this.lastSent = json;
      this.session.connection.sendNotification(CostChangedNotification, params);
    } catch (e) {
      this.session.log(`panel update failed: ${(e as Error).stack ?? e}`);
    }
  }
}
