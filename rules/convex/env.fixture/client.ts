// ruleid: convex/env
export const url = import.meta.env.VITE_CONVEX_URL;
// ruleid: convex/env
export const next = process.env.NEXT_PUBLIC_CONVEX_URL;
// ok: convex/env
export const convexity = process.env.CONVEXITY;
