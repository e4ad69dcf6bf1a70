// The server's updates, one at a time. Ordered updates (an open document's analysis, a closed
// document, settings, folders) run in arrival order. Background work (files changed on disk, the
// catch-up of files an edit affected elsewhere) runs in short slices, and only while no ordered
// update waits: a request on an open document never waits behind it for more than one slice.

import type { MessageStrategy } from 'vscode-languageserver';

/** How long one slice of background work may hold the server. */
export const SLICE_MS = 25;

/** A piece of background work: does what fits before the deadline; returns whether some is left. */
export type BackgroundStep = (deadline: number) => boolean;

export class UpdateQueue {
  private readonly ordered: { work: () => Promise<void> | void; done: () => void }[] = [];
  private readonly background = new Map<string, BackgroundStep>();
  private running = false;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly log: (message: string) => void) {}

  /** Runs `work` after every ordered update received before it; resolves when it has run. */
  run(work: () => Promise<void> | void): Promise<void> {
    return new Promise((done) => {
      this.ordered.push({ work, done });
      this.start();
    });
  }

  /** Resolves once every ordered update received so far has been applied. */
  settled(): Promise<void> {
    return this.run(() => undefined);
  }

  /** Background work under a key; one registered under the same key and not finished stays as it is. */
  inBackground(key: string, step: BackgroundStep): void {
    if (this.background.has(key)) return;
    this.background.set(key, step);
    this.start();
  }

  hasBackgroundWork(): boolean {
    return this.background.size > 0;
  }

  /** Resolves when nothing is queued, ordered or in the background. */
  idle(): Promise<void> {
    return this.running ? new Promise((wake) => this.idleWaiters.push(wake)) : Promise.resolve();
  }

  /** Work never starts inside the call that queued it (a caller may still be noting what it queued). */
  private start(): void {
    if (!this.running) queueMicrotask(() => void this.pump());
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        const next = this.ordered.shift();
        if (next) {
          await this.guarded(next.work);
          next.done();
          continue;
        }
        const [key, step] = this.background.entries().next().value ?? [];
        if (!key || !step) break;
        let more = false;
        await this.guarded(() => void (more = step(performance.now() + SLICE_MS)));
        if (!more) this.background.delete(key);
        // Requests and edits that arrived during the slice are heard before the next one.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      this.running = false;
      for (const wake of this.idleWaiters.splice(0)) wake();
    }
  }

  private async guarded(work: () => Promise<void> | void): Promise<void> {
    try {
      await work();
    } catch (e) {
      this.log(`update failed: ${(e as Error).stack ?? e}`);
    }
  }
}

/**
 * Counts the messages the connection handles (as its message strategy), so the server can wait
 * until those already received are handled. The connection handles one message per turn of the
 * event loop: 300 edits sent back to back take 300 turns to reach the documents.
 */
export class MessageActivity implements MessageStrategy {
  private handled = 0;

  handleMessage: MessageStrategy['handleMessage'] = (message, next) => {
    this.handled++;
    return next(message);
  };

  /**
   * Resolves after two turns of the event loop in a row handled no message (or after `maxMs`, so a
   * flood of messages cannot hold analysis back forever).
   */
  async quiet(maxMs = 200): Promise<void> {
    const end = performance.now() + maxMs;
    let calm = 0;
    while (calm < 2 && performance.now() < end) {
      const before = this.handled;
      await new Promise((resolve) => setImmediate(resolve));
      calm = this.handled === before ? calm + 1 : 0;
    }
  }
}
