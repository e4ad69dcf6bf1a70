import { ConvexReactClient } from 'convex/react';
import { ConvexHttpClient } from 'convex/browser';

// ruleid: convex/client
export const convex = new ConvexReactClient(import.meta.env.VITE_CONVEX_URL);
// ruleid: convex/client
export const http = new ConvexHttpClient(process.env.CONVEX_URL!);

class ConvexLikeClient {}
// ok: convex/client
export const other = new ConvexLikeClient();
// ok: convex/client
export const doc = 'new ConvexReactClient(url)';
