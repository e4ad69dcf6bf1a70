// Work off the keystroke path: files changed on disk (the editor's file watcher) and the catch-up of
// files an edit affected elsewhere, both run in background slices that let requests through.

import { FileChangeType, FileEvent } from 'vscode-languageserver';
import type { FolderIndex } from './folderIndex';
import { uriOf } from './folders';
import type { Session } from './session';
import type { UpdateQueue } from './updateQueue';

/** How long after the last edit the files it affected elsewhere are re-evaluated. */
const CATCH_UP_DELAY_MS = 150;

export class BackgroundUpdates {
  constructor(
    private readonly session: Session,
    private readonly queue: UpdateQueue,
  ) {}

  private readonly fileEvents: FileEvent[] = [];

  /** Files changed on disk (the editor's file watcher): read in the background, a slice at a time. */
  filesChanged(events: FileEvent[]): void {
    this.fileEvents.push(...events);
    this.queue.inBackground('files', (deadline) => this.applyFileEvents(deadline));
  }

  private applyFileEvents(deadline: number): boolean {
    let done = 0;
    for (const event of this.fileEvents) {
      if (done > 0 && performance.now() >= deadline) break;
      done++;
      // The watcher also reports files outside the workspace (the editor's own user data): ignored.
      const located = this.session.folders.inWorkspace(event.uri);
      if (!located || this.session.documents.get(event.uri)) continue;
      this.session.guard(event.uri, () => {
        const changed =
          event.type === FileChangeType.Deleted
            ? located.folder.remove(located.rel)
            : located.folder.reloadFromDisk(located.rel);
        this.session.afterChange(located.folder, changed);
      });
    }
    this.fileEvents.splice(0, done);
    return this.fileEvents.length > 0;
  }

  private readonly catchUpTimers = new Map<FolderIndex, NodeJS.Timeout>();

  /**
   * Files affected by an edit elsewhere are brought up to date shortly after the edits stop, off the
   * keystroke path, in background slices that let requests on open documents through.
   */
  scheduleCatchUp(folder: FolderIndex): void {
    clearTimeout(this.catchUpTimers.get(folder));
    this.catchUpTimers.set(
      folder,
      setTimeout(
        () =>
          this.queue.inBackground(`catch-up ${folder.root}`, (deadline) => {
            let more = false;
            this.session.guard(folder.root, () => {
              const step = folder.catchUp(deadline);
              more = step.more;
              if (step.changed.length === 0) return;
              this.session.versions.bump(step.changed.map((rel) => uriOf(folder, rel)));
              this.session.refreshDiagnostics();
              this.session.scheduleSummary();
            });
            return more;
          }),
        CATCH_UP_DELAY_MS,
      ),
    );
  }
}
