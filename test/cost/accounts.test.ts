// The model against public accounts of real migrations (../shared/cost-calibration.md, summarised
// in docs/cost-model.md): code shaped like each account should get an estimate the account can sit
// in. These are bands, not pins: they fail when a weight change makes the model incredible.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { estimateCost } from '../../server/src/engine/cost';
import type { Finding } from '../../server/src/engine/types';
import { finding } from './helpers';

function firestoreApp(placement: 'wrapper' | 'components' | 'repositories'): Finding[] {
  const file = (i: number, n: number) => (placement === 'wrapper' ? 'src/lib/db.ts' : placement === 'components' ? `src/components/View${i % n}.tsx` : `src/data/repo${i % 3}.ts`);
  const sites = placement === 'wrapper' ? 30 : 60;
  const listeners = placement === 'wrapper' ? 3 : 20;
  return [
    ...Array.from({ length: sites }, (_, i) => finding('firebase/firestore', 'database', file(i, 25), i + 1, 'L')),
    ...Array.from({ length: listeners }, (_, i) => finding('firebase/realtime-listener', 'realtime', file(i, 15), 100 + i, 'M')),
  ];
}

function typicalBase44App(): Finding[] {
  const entities = ['Deal', 'Contact', 'Activity', 'Task', 'Note', 'Company', 'Invoice', 'Product', 'Order', 'Ticket'];
  const out: Finding[] = [];
  for (let i = 0; i < 80; i++) {
    const file = i < 60 ? `src/pages/Page${i % 15}.jsx` : `base44/functions/fn${i % 15}/entry.ts`;
    out.push(finding('base44/entities', 'database', file, i + 1, 'L', `Base44 entity data call on ${entities[i % 10]}`));
  }
  for (let i = 0; i < 15; i++) {
    out.push(finding('base44/deno-function', 'functions', `base44/functions/fn${i}/entry.ts`, 1, 'S'));
    out.push(finding('base44/client-from-request', 'functions', `base44/functions/fn${i}/entry.ts`, 3, 'M'));
  }
  for (let i = 0; i < 12; i++) out.push(finding('base44/auth', 'auth', `src/pages/Page${i}.jsx`, 200 + i, 'L'));
  for (let i = 0; i < 10; i++) out.push(finding('base44/entity-schema', 'config', `base44/entities/E${i}.jsonc`, 1, 'L'));
  for (let i = 0; i < 5; i++) out.push(finding('base44/ai-integrations', 'ai', `src/pages/Page${i}.jsx`, 300 + i, 'M'));
  out.push(finding('base44/storage', 'storage', 'src/pages/Page1.jsx', 400, 'M'), finding('base44/vite-plugin', 'hosting', 'vite.config.js', 1, 'S'));
  return out;
}

describe('the model against public migration accounts', () => {
  it('#1 Firestore and listeners behind one write wrapper, solo: 3.5 days (28 h) sits in the assisted range', () => {
    const cost = estimateCost(firestoreApp('wrapper'));
    assert.ok(cost.assisted.low <= 28 && cost.assisted.high >= 28, JSON.stringify(cost.assisted));
    assert.ok(cost.total.high < 160, 'below the developer\'s own one-month guess');
    assert.equal(cost.platforms[0].categories.find((c) => c.category === 'database')!.structure.pattern, 'concentrated');
  });

  it('#3 listeners and queries inside UI components cost several times the same app behind repositories', () => {
    const spread = estimateCost(firestoreApp('components'));
    const concentrated = estimateCost(firestoreApp('repositories'));
    assert.equal(spread.platforms[0].categories.find((c) => c.category === 'database')!.structure.pattern, 'spread');
    assert.ok(spread.total.low / concentrated.total.low >= 2.5, `low ratio ${spread.total.low / concentrated.total.low}`);
    assert.ok(spread.total.high / concentrated.total.high >= 3.5, `high ratio ${spread.total.high / concentrated.total.high}`);
  });

  it('#1 against #3: the same Firestore app costs 5–10× more with its calls scattered through components than behind one wrapper', () => {
    const ratio = estimateCost(firestoreApp('components')).likely / estimateCost(firestoreApp('wrapper')).likely;
    assert.ok(ratio >= 5 && ratio <= 10, `ratio ${ratio.toFixed(2)}`);
  });

  it('#9 a typical Base44 app (10 entities, 15 functions): overlaps the agency range of 4–14 weeks (160–560 h)', () => {
    const cost = estimateCost(typicalBase44App());
    assert.ok(cost.total.low <= 560 && cost.total.high >= 160, JSON.stringify(cost.total));
    assert.ok(cost.total.low >= 100 && cost.total.high <= 800, `same order of magnitude: ${JSON.stringify(cost.total)}`);
  });

  it('#11 a hosting-only move: 2 hours to 2 days', () => {
    const cost = estimateCost([finding('vercel/config-file', 'hosting', 'vercel.json', 1, 'S'), finding('vercel/env', 'config', '.env', 1, 'S')]);
    assert.ok(cost.likely >= 2 && cost.likely <= 16, `most likely ${cost.likely} h`);
    assert.ok(cost.total.low >= 2 && cost.total.high <= 24, JSON.stringify(cost.total));
    assert.deepEqual(cost.calendar.weeks, { low: 0, high: 0 }, 'no data, no dual-run window');
  });
});
