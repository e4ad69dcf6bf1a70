import { query } from './_generated/server';
import { getAuthUserId } from '@convex-dev/auth/server';
import { useConvexAuth } from 'convex/react';

export const me = query({
  args: {},
  handler: async (ctx) => {
    // ruleid: convex/auth
    const identity = await ctx.auth.getUserIdentity();
    // ruleid: convex/auth
    const userId = await getAuthUserId(ctx);
    return { identity, userId };
  },
});

export function useSignedIn() {
  // ruleid: convex/auth
  return useConvexAuth().isAuthenticated;
}

const auth = { getUserIdentity: async () => null };
// ok: convex/auth
auth.getUserIdentity();
