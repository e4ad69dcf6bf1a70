import { base44 } from './base44Client';

export const summarizeDeal = (dealId) =>
  base44.functions.invoke('summarizeDeal', { dealId });

export const archiveStaleDeals = (olderThanDays) =>
  base44.functions.invoke('archiveStaleDeals', { olderThanDays });
