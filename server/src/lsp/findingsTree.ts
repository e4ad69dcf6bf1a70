// `lockin/findingsTree`: every visible finding grouped platform → capability → file for the
// explorer's tree view, lock-in platforms ordered by their share of the estimate, security apart.

import type { FindingsTree, TreeCapability, TreeFile, TreePlatform } from '../protocol';
import { estimate, workspaceCostOptions } from './costView';
import { LocatedFinding, locatedFindings, locationOf } from './located';
import type { Session } from './session';
import { groupBy } from '../engine/util/groupBy';
import { platformName } from '../engine/cost';
import { capabilityTitle } from '../engine/report/common';

export async function findingsTree(session: Session): Promise<FindingsTree> {
  await session.settled();
  const located = locatedFindings(session);
  const lockin = located.filter((l) => l.finding.kind === 'lockin');
  const security = located.filter((l) => l.finding.kind === 'security');
  const order = estimate(lockin.map((l) => l.finding), workspaceCostOptions(session)).platforms.map((p) => p.platform);
  const rank = (platform: string) => (order.includes(platform) ? order.indexOf(platform) : order.length);
  return {
    lockin: byPlatform(lockin).sort((a, b) => rank(a.platform) - rank(b.platform) || a.platform.localeCompare(b.platform)),
    security: byPlatform(security).sort((a, b) => b.count - a.count || a.platform.localeCompare(b.platform)),
  };
}

function byPlatform(located: LocatedFinding[]): TreePlatform[] {
  return [...groupBy(located, (l) => l.finding.platform)].map(([platform, items]) => ({
    platform,
    name: platform === 'generic' ? 'Any platform' : platformName(platform), // rules not tied to one platform
    count: items.length,
    capabilities: [...groupBy(items, (l) => l.finding.category)]
      .map(([category, inCategory]): TreeCapability => ({ category, name: capabilityTitle(category), count: inCategory.length, files: byFile(inCategory) }))
      .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category)),
  }));
}

/** Files in path order (located findings arrive sorted), findings in line order. */
function byFile(located: LocatedFinding[]): TreeFile[] {
  return [...groupBy(located, (l) => l.uri)].map(([uri, items]) => ({
    uri,
    label: items[0].label,
    findings: items.map((l) => ({ ruleId: l.finding.ruleId, message: l.finding.message, severity: l.finding.severity, at: locationOf(l) })),
  }));
}

