import { mutation, action } from './_generated/server';

export const uploadUrl = mutation({
  args: {},
  // ruleid: convex/storage
  handler: async (ctx) => ctx.storage.generateUploadUrl(),
});

export const fetchFile = action({
  args: {},
  handler: async (ctx) => {
    // ruleid: convex/storage
    return ctx.storage.getUrl('kg2abc' as never);
  },
});

const storage = { getUrl: (id: string) => `/files/${id}` };
// ok: convex/storage
export const local = storage.getUrl('x');
