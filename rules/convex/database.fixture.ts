import { query, mutation, internalMutation } from './_generated/server';
import { v } from 'convex/values';

export const byOwner = query({
  args: { owner: v.string() },
  handler: async (ctx, args) => {
    // ruleid: convex/database
    const rows = await ctx.db.query('tasks').withIndex('by_owner', (q) => q.eq('owner', args.owner)).collect();
    return rows;
  },
});

export const complete = mutation({
  args: { id: v.id('tasks') },
  async handler({ db }, { id }) {
    // ruleid: convex/database
    await db.patch(id, { done: true });
  },
});

export const purge = internalMutation(async (ctx) => {
  // ruleid: convex/database
  const stale = await ctx.db.get('tasks:1' as never);
  return stale;
});

const ctx = { db: { insert: (_t: string, _v: object) => 'local' } };
// ok: convex/database
ctx.db.insert('tasks', {});

export function helper(ctx: { db: { get(id: string): unknown } }) {
  // ok: convex/database
  return ctx.db.get('x');
}
