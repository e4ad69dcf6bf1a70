import { cronJobs } from 'convex/server';
import { mutation } from './_generated/server';
import { internal } from './_generated/api';

export const later = mutation({
  args: {},
  handler: async (ctx) => {
    // ruleid: convex/scheduler
    await ctx.scheduler.runAfter(60_000, internal.tasks.cleanup, {});
  },
});

// ruleid: convex/scheduler
const crons = cronJobs();
crons.daily('cleanup', { hourUTC: 3, minuteUTC: 0 }, internal.tasks.cleanup);
export default crons;

const scheduler = { runAfter: (ms: number) => ms };
// ok: convex/scheduler
scheduler.runAfter(10);
