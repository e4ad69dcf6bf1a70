import { defineSchema, defineTable } from 'convex/server';
import { v } from 'convex/values';

// ruleid: convex/schema
export default defineSchema({
  // ruleid: convex/schema
  tasks: defineTable({ text: v.string(), owner: v.string() }).index('by_owner', ['owner']),
});

function defineTableLocal(name: string) {
  return { name };
}
// ok: convex/schema
export const local = defineTableLocal('tasks');
