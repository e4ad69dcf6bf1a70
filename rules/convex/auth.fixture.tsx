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

// The React tree hands Convex the sign-in service's token hook: identity flows through Convex's auth.
import { ConvexProviderWithClerk } from 'convex/react-clerk';
import { ConvexReactClient } from 'convex/react';
import { useAuth } from '@clerk/clerk-react';

const convexClient = new ConvexReactClient('https://example.convex.cloud');

export function Providers({ children }: { children: unknown }) {
  return (
    // ruleid: convex/auth
    <ConvexProviderWithClerk client={convexClient} useAuth={useAuth}>
      {children}
    </ConvexProviderWithClerk>
  );
}

// A component of our own with a similar name renders no Convex auth.
function ProviderWithClerk({ children }: { children: unknown }) {
  return <section>{children}</section>;
}

export function OwnProviders() {
  // ok: convex/auth
  return <ProviderWithClerk>{'x'}</ProviderWithClerk>;
}
