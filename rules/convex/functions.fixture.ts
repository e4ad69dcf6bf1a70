import { query, mutation, internalAction, httpAction } from './_generated/server';
import { queryGeneric } from 'convex/server';
import { v } from 'convex/values';

// ruleid: convex/functions
export const list = query({
  args: {},
  handler: async (ctx) => ctx.db.query('tasks').collect(),
});

// ruleid: convex/functions
export const add = mutation({ args: { text: v.string() }, handler: async (ctx, { text }) => ctx.db.insert('tasks', { text }) });

// ruleid: convex/functions
export const sync = internalAction(async () => undefined);

// ruleid: convex/functions
export const hook = httpAction(async () => new Response('ok'));

// ruleid: convex/functions
export const legacy = queryGeneric({ args: {}, handler: async () => [] });

function localQuery<T>(def: T) {
  return def;
}
// ok: convex/functions
export const notConvex = localQuery({ handler: () => 1 });

export function shadowed(mutation: (d: object) => object) {
  // ok: convex/functions
  return mutation({ handler: () => 2 });
}
