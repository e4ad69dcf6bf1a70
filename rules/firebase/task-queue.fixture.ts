import { getFunctions } from 'firebase-admin/functions';

export async function scheduleExports(userIds: string[]) {
  // ruleid: firebase/task-queue
  const queue = getFunctions().taskQueue<{ uid: string }>('exportUser');
  await Promise.all(userIds.map((uid) => queue.enqueue({ uid }, { scheduleDelaySeconds: 60 })));
}

// A queue of the app's own: the same method names, no Cloud Tasks behind them.
const local = { taskQueue: (name: string) => ({ enqueue: (x: object) => [name, x] }) };
// ok: firebase/task-queue
local.taskQueue('exportUser').enqueue({});
