import { v } from 'convex/values';
import { internalMutation, mutation, query } from './_generated/server';
import { requireMember } from './lib/members';

// Anyone with the deployment URL can delete any note.
// ruleid: convex/public-write-without-identity
export const remove = mutation({
  args: { id: v.id('notes') },
  handler: async (ctx, args) => {
    await ctx.db.delete(args.id);
  },
});

// ok: convex/public-write-without-identity
export const create = mutation({
  args: { body: v.string() },
  handler: async (ctx, args) => {
    const identity = await ctx.auth.getUserIdentity();
    if (!identity) throw new Error('Unauthenticated');
    await ctx.db.insert('notes', { body: args.body, owner: identity.subject });
  },
});

// A helper of the app's own receives ctx and may check the member.
// ok: convex/public-write-without-identity
export const archive = mutation({
  args: { id: v.id('notes') },
  handler: async (ctx, args) => {
    await requireMember(ctx);
    await ctx.db.patch(args.id, { archived: true });
  },
});

// Internal functions are not callable from outside.
// ok: convex/public-write-without-identity
export const purge = internalMutation({
  args: {},
  handler: async (ctx) => {
    for (const note of await ctx.db.query('notes').collect()) await ctx.db.delete(note._id);
  },
});

// An app-level session token is checked by the handler itself.
// ok: convex/public-write-without-identity
export const signOut = mutation({
  args: { token: v.string() },
  handler: async (ctx, args) => {
    const session = await ctx.db.query('sessions').withIndex('by_token', (q) => q.eq('token', args.token)).first();
    if (session) await ctx.db.delete(session._id);
  },
});

// Reads are a different question.
// ok: convex/public-write-without-identity
export const list = query({ args: {}, handler: async (ctx) => ctx.db.query('notes').collect() });
