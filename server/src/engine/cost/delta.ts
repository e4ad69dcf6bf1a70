// How an estimate moved against another (the baseline): per platform and capability, and one
// sentence per platform for people ("+6–9 h of Supabase coupling").

import { range } from './capability';
import type { CostDelta, CostSummary, Range } from './types';

export function costDelta(current: CostSummary, baseline: CostSummary): CostDelta {
  const names = [...new Set([...current.platforms, ...baseline.platforms].map((p) => p.platform))].sort();
  const platforms = names
    .map((platform) => {
      const now = current.platforms.find((p) => p.platform === platform);
      const before = baseline.platforms.find((p) => p.platform === platform);
      const categories = [...new Set([...(now?.categories ?? []), ...(before?.categories ?? [])].map((c) => c.category))]
        .sort()
        .map((category) => ({
          category,
          total: minus(now?.categories.find((c) => c.category === category)?.total, before?.categories.find((c) => c.category === category)?.total),
        }))
        .filter((c) => c.total.low !== 0 || c.total.high !== 0);
      return { platform, total: minus(now?.total, before?.total), categories };
    })
    .filter((p) => p.total.low !== 0 || p.total.high !== 0 || p.categories.length > 0);
  return { total: minus(current.total, baseline.total), platforms, summary: platforms.map((p) => sentence(p.platform, p.total)) };
}

function minus(a: Range | undefined, b: Range | undefined): Range {
  return range([(a?.low ?? 0) - (b?.low ?? 0), (a?.high ?? 0) - (b?.high ?? 0)]);
}

/** "+6–9 h of Supabase coupling", "−2–4 h of Firebase coupling", "±0 h of …". */
export function sentence(platform: string, r: Range): string {
  return `${signedRange(r)} of ${platformName(platform)} coupling`;
}

export function signedRange(r: Range): string {
  const [lo, hi] = [Math.round(r.low), Math.round(r.high)];
  if (lo === 0 && hi === 0) return '±0 h';
  if (lo >= 0 && hi >= 0) return `+${lo}–${hi} h`;
  if (lo <= 0 && hi <= 0) return `−${-lo}–${-hi} h`;
  return `${lo}…+${hi} h`;
}

const NAMES: Record<string, string> = {
  base44: 'Base44',
  supabase: 'Supabase',
  firebase: 'Firebase',
  appwrite: 'Appwrite',
  pocketbase: 'PocketBase',
  convex: 'Convex',
  amplify: 'AWS Amplify',
  vercel: 'Vercel',
  netlify: 'Netlify',
  cloudflare: 'Cloudflare',
  generic: 'generic',
};

export function platformName(platform: string): string {
  return NAMES[platform] ?? platform;
}
