// Settings under `lockinLens.*`, pulled from the editor per document (a multi-root workspace can
// differ per folder) and cached until the editor says the configuration changed.

import type { Connection } from 'vscode-languageserver';
import { Minimatch } from 'minimatch';
import type { CostOptions } from '../engine/cost';
import type { Severity } from '../engine/types';

export interface LockinSettings {
  enable: boolean;
  /**
   * inlineDiagnostics: lock-in touch points as diagnostics (squiggles, Problems entries). Off by
   * default: they are information on demand (the client's CodeLens and highlights), not problems.
   */
  lockin: { enable: boolean; inlineDiagnostics: boolean };
  security: { enable: boolean };
  /** rule id → severity, or 'off' to hide the rule. */
  severityOverrides: Record<string, Severity | 'off'>;
  include: string[];
  exclude: string[];
  ruleFolders: string[];
  run: 'onType' | 'onSave';
  /** Cost model: calibration overrides (a part of rules/calibration.json), hourly rate and currency. */
  cost: { calibration: Record<string, unknown>; hourlyRate: number; currency: string };
}

export const DEFAULT_SETTINGS: LockinSettings = {
  enable: true,
  lockin: { enable: true, inlineDiagnostics: false },
  security: { enable: true },
  severityOverrides: {},
  include: [],
  exclude: [],
  ruleFolders: [],
  run: 'onType',
  cost: { calibration: {}, hourlyRate: 0, currency: '' },
};

export class SettingsCache {
  private readonly cache = new Map<string, Promise<LockinSettings>>();

  constructor(private readonly connection: Connection, private readonly supported: () => boolean) {}

  get(scopeUri: string): Promise<LockinSettings> {
    if (!this.supported()) return Promise.resolve(DEFAULT_SETTINGS);
    let found = this.cache.get(scopeUri);
    if (!found) {
      found = this.connection.workspace
        .getConfiguration({ scopeUri, section: 'lockinLens' })
        .then((raw: Partial<LockinSettings> | null) => withDefaults(raw))
        .catch(() => DEFAULT_SETTINGS);
      this.cache.set(scopeUri, found);
    }
    return found;
  }

  clear(): void {
    this.cache.clear();
  }
}

export function withDefaults(raw: Partial<LockinSettings> | null | undefined): LockinSettings {
  return {
    ...DEFAULT_SETTINGS,
    ...(raw ?? {}),
    lockin: { ...DEFAULT_SETTINGS.lockin, ...(raw?.lockin ?? {}) },
    security: { ...DEFAULT_SETTINGS.security, ...(raw?.security ?? {}) },
    cost: { ...DEFAULT_SETTINGS.cost, ...(raw?.cost ?? {}) },
  };
}

/** What the cost model takes from settings (invalid overrides are reported in the estimate's errors). */
export function costOptionsOf(settings: LockinSettings): CostOptions {
  const { calibration, hourlyRate, currency } = settings.cost;
  const hasOverrides = calibration && typeof calibration === 'object' && Object.keys(calibration).length > 0;
  return {
    overrides: hasOverrides ? calibration : undefined,
    hourlyRate: typeof hourlyRate === 'number' && hourlyRate > 0 ? hourlyRate : undefined,
    currency: currency || undefined,
  };
}

/** Does a workspace-relative path pass the include/exclude globs? */
export function pathSelected(settings: LockinSettings, rel: string): boolean {
  const match = (globs: string[]) => globs.some((g) => new Minimatch(g, { dot: true }).match(rel));
  if (settings.include.length > 0 && !match(settings.include)) return false;
  return !match(settings.exclude);
}
