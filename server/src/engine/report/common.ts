// Small pieces the text, Markdown and SARIF reports share.

import type { Range } from '../cost';
import type { Finding } from '../types';

const CAPABILITY_TITLES: Record<string, string> = {
  sdk: 'SDK and client',
  auth: 'Auth',
  database: 'Database',
  storage: 'Storage',
  functions: 'Functions',
  realtime: 'Realtime',
  ai: 'AI',
  messaging: 'Messaging',
  config: 'Configuration',
  hosting: 'Hosting',
  secrets: 'Secrets',
  'access-control': 'Access control',
  injection: 'Injection',
  cors: 'CORS',
  misconfiguration: 'Misconfiguration',
};

export function capabilityTitle(category: string): string {
  return CAPABILITY_TITLES[category] ?? category;
}

/** Whole hours for people: "105–334 h" (the JSON keeps tenths). */
export function hoursText(r: Range): string {
  return r.high < 1 && r.high > 0 ? `${r.low}–${r.high} h` : `${Math.round(r.low)}–${Math.round(r.high)} h`;
}

/** "about 442 h (370–535 h)": the figure to plan with first, then its range (tenths under an hour, not "0 h"). */
export function estimateText(likely: number, r: Range): string {
  return `about ${likely < 1 && likely > 0 ? likely : Math.round(likely)} h (${hoursText(r)})`;
}

/** "pace 64 %, data volume 14 %": what makes a range as wide as it is, largest share first. */
export function widthText(uncertainties: readonly { name: string; share: number }[]): string {
  return uncertainties
    .filter((u) => u.share >= 0.01)
    .map((u) => `${u.name} ${Math.round(u.share * 100)} %`)
    .join(', ');
}

export function weeksText(r: Range): string {
  return `${r.low}–${r.high} weeks`;
}

export function moneyText(r: Range, currency: string): string {
  const f = (n: number) => Math.round(n).toLocaleString('en-US');
  return `${currency ? currency + ' ' : ''}${f(r.low)}–${f(r.high)}`;
}

/** Text that Markdown must show as it is (messages, paths in link text). */
export function mdEscape(s: string): string {
  return s.replace(/([\\`*_{}[\]<>|#])/g, '\\$1');
}

/** A root-relative link target with a GitHub-style line anchor. */
export function fileLink(file: string, line?: number): string {
  const target = encodeURI(file).replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'));
  const text = line === undefined ? file : `${file}:${line}`;
  return `[${mdEscape(text)}](${target}${line === undefined ? '' : `#L${line}`})`;
}

export function byLocation(a: Finding, b: Finding): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
}
