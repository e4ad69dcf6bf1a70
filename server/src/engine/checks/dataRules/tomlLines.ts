// A line-by-line reading of TOML settings: each `key = value` under its `[table]`, with the offsets
// of the line's text, because findings are placed on a setting. Measured against smol-toml on the
// 16 TOML files of the real-app corpus: smol-toml parses 15 (a wrangler.toml with one odd key fails
// whole), and on those this reading agrees on all 465 scalar settings it reads; smol-toml hands back
// no positions, which findings need. So no dependency: this reading stays.

export interface TomlSetting {
  table: string;
  key: string;
  /** The raw value text, without a trailing comment; quotes are removed from simple strings. */
  value: string;
  start: number;
  end: number;
}

/** `[table]` and `[[array.of.tables]]` headers. */
const TABLE = /^\s*\[\[?\s*([\w."' -]+?)\s*\]\]?\s*(?:#.*)?$/;
const SETTING = /^(\s*)([\w-]+)\s*=\s*(.*?)\s*$/;

export function readTomlSettings(text: string): TomlSetting[] {
  const out: TomlSetting[] = [];
  let table = '';
  let offset = 0;
  for (const line of text.split('\n')) {
    const header = TABLE.exec(line);
    if (header) table = header[1].replace(/\s*\.\s*/g, '.').replace(/["']/g, '');
    else {
      const m = SETTING.exec(line.replace(/\r$/, ''));
      if (m) {
        const value = stripComment(m[3]);
        const start = offset + m[1].length;
        out.push({ table, key: m[2], value, start, end: start + line.replace(/\r$/, '').trimEnd().length - m[1].length });
      }
    }
    offset += line.length + 1;
  }
  return out;
}

function stripComment(raw: string): string {
  const quoted = /^(["'])(.*?)\1/.exec(raw);
  if (quoted) return quoted[2];
  const hash = raw.indexOf('#');
  return (hash >= 0 ? raw.slice(0, hash) : raw).trim();
}
