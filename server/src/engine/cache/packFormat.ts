// A scan pack's content on disk: a first line giving the format, then one line per entry,
// `[section, key, value]` in JSON. Written and read a line at a time, so that a pack of tens of MB
// never becomes one string: writing the corpus's 45 MB pack as one JSON.stringify, and its Buffer
// copies, added ~150 MB to the audit's peak memory; reading it as one string, ~90 MB more.

/** The pack's entries by section name. */
export type PackSections = Record<string, Map<string, unknown>>;

/** Lines are written in batches about this large: few writes, little held at once. */
const BATCH_CHARS = 1 << 20;

/** The pack's bytes, a batch of lines at a time. */
export function* packPieces(format: number, sections: PackSections): Generator<Buffer> {
  let lines = [JSON.stringify({ format })];
  let size = 0;
  for (const [section, entries] of Object.entries(sections)) {
    for (const [key, value] of entries) {
      const line = JSON.stringify([section, key, value]);
      lines.push(line);
      size += line.length;
      if (size < BATCH_CHARS) continue;
      yield Buffer.from(`${lines.join('\n')}\n`);
      lines = [];
      size = 0;
    }
  }
  if (lines.length > 0) yield Buffer.from(`${lines.join('\n')}\n`);
}

/**
 * The sections of a pack written by packPieces in this format; undefined for another format (an
 * older pack was one JSON object, on one line without an end). Throws on a damaged line or an
 * unknown section.
 */
export function readPack(data: Buffer, format: number, names: readonly string[]): PackSections | undefined {
  let start = 0;
  const nextLine = (): string | undefined => {
    const end = data.indexOf(10, start);
    if (end < 0) return undefined;
    const line = data.toString('utf8', start, end);
    start = end + 1;
    return line;
  };
  const header = nextLine();
  if (header === undefined || (JSON.parse(header) as { format?: unknown }).format !== format) return undefined;
  const sections: PackSections = Object.fromEntries(names.map((name) => [name, new Map<string, unknown>()]));
  for (let line = nextLine(); line !== undefined; line = nextLine()) {
    const [section, key, value] = JSON.parse(line) as [string, string, unknown];
    const entries = sections[section];
    if (!entries) throw new Error(`unknown section '${section}'`);
    entries.set(key, value);
  }
  return sections;
}
