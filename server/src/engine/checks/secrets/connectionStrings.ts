// Database URLs with a password in them (`postgresql://postgres:<password>@db.<ref>.supabase.co`).
// Local development URLs (`postgres:postgres@localhost`, a docker-compose service name as host) and
// templates (`[YOUR-PASSWORD]`, `${DB_PASS}`, `<password>`) are not leaks.

import type { RawSecret } from './types';
import { hasPlaceholderMarks } from './structure';

const DB_URL = /\b(?<scheme>postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver)(?:\+[a-z0-9]+)?:\/\/(?<user>[^:\s/@'"`]+):(?<password>[^@\s'"`]+)@(?<host>\[[0-9a-f:]+\]|[^\s/:?'"`,;)]+)/gi;

/** Words one of which every URL DB_URL accepts begins with, in any case (for the engine's gate). */
export const DATABASE_SCHEMES = ['postgres', 'mysql', 'mariadb', 'mongodb', 'redis', 'amqp', 'mssql', 'sqlserver'];

/** Passwords that only ever appear in examples and local setups. */
const STOCK_PASSWORDS = new Set(['password', 'pass', 'passwd', 'pwd', 'secret', 'changeme', 'postgres', 'mysql', 'root', 'admin', 'user', 'test', 'example', 'dbpass', 'mypassword']);

/** The scheme just before a `://` (the search starts from each `://`: a case-blind regex over all text is slow). */
const SCHEME_BEFORE = /\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver)(?:\+[a-z0-9]+)?$/i;
/** How far back from `://` a scheme with a driver suffix (`postgresql+asyncpg`) may start. */
const SCHEME_WINDOW = 40;

export function databaseUrls(text: string): RawSecret[] {
  const out: RawSecret[] = [];
  for (const m of databaseUrlMatches(text)) {
    const { scheme, password, host } = m.groups!;
    if (isTemplatePassword(password) || isLocalHost(host)) continue;
    const start = m.index!;
    // Human-chosen passwords are short; even a redacted slice of eight characters gives half away.
    const shown = password.length >= 16 ? undefined : '…';
    out.push({ family: 'database-url', label: `${scheme.toLowerCase()} URL with a password for ${host}`, start, end: start + m[0].length, secret: password, shown });
  }
  return out;
}

function* databaseUrlMatches(text: string): Generator<RegExpExecArray> {
  const sticky = new RegExp(DB_URL.source, 'iy');
  let end = 0; // matches do not overlap, as with one global regex
  for (let at = text.indexOf('://'); at >= 0; at = text.indexOf('://', at + 3)) {
    const scheme = SCHEME_BEFORE.exec(text.slice(Math.max(0, at - SCHEME_WINDOW), at));
    if (!scheme || at - scheme[0].length < end) continue;
    sticky.lastIndex = at - scheme[0].length;
    const m = sticky.exec(text);
    if (m) {
      end = m.index + m[0].length;
      yield m;
    }
  }
}

function isTemplatePassword(password: string): boolean {
  if (/^[$%{<[(:]/.test(password) || /\$\{|\{\{|%s|%\(/.test(password)) return true;
  if (STOCK_PASSWORDS.has(password.toLowerCase())) return true;
  return hasPlaceholderMarks(password) || /password/i.test(password);
}

/** Loopback, docker's host alias, `.local`/`.localhost`/`.test`/`.example` names, and dotless service names. */
export function isLocalHost(host: string): boolean {
  const h = host.toLowerCase();
  if (h === 'localhost' || h === '0.0.0.0' || h === '[::1]' || h === 'host.docker.internal') return true;
  if (/^127\.\d+\.\d+\.\d+$/.test(h)) return true;
  if (/\.(?:local|localhost|test|example|invalid)$/.test(h) || /(^|\.)example\.(?:com|org|net)$/.test(h)) return true;
  return !h.includes('.') && !h.startsWith('[');
}
