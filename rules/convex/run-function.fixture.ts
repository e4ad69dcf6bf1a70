import { action, internalQuery } from './_generated/server';
import { internal } from './_generated/api';
import { v } from 'convex/values';

export const findByEmail = internalQuery({
  args: { email: v.string() },
  handler: async (ctx, { email }) => ctx.db.query('users').filter((q) => q.eq(q.field('email'), email)).first(),
});

export const signUp = action({
  args: { email: v.string() },
  handler: async (ctx, { email }) => {
    // ruleid: convex/run-function
    const existing = await ctx.runQuery(internal.users.findByEmail, { email });
    if (existing) return { ok: false };
    // ruleid: convex/run-function
    await ctx.runMutation(internal.users.create, { email });
    return { ok: true };
  },
});

// A job runner of the app's own with the same method name.
const jobs = { runQuery: (name: string) => name };
// ok: convex/run-function
jobs.runQuery('users');
