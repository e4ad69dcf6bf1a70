// A git index file written by hand, for tests of the walk: the paths and nothing else of value.

import assert from 'node:assert/strict';

/** An index of the given version holding these paths (object ids and stat fields zero). */
export function indexOf(version: 2 | 4, paths: string[]): Buffer {
  const header = Buffer.alloc(12);
  header.write('DIRC', 0, 'latin1');
  header.writeUInt32BE(version, 4);
  header.writeUInt32BE(paths.length, 8);
  const entries: Buffer[] = [];
  let previous = '';
  for (const path of paths) {
    const fixed = Buffer.alloc(62);
    fixed.writeUInt16BE(Math.min(path.length, 0xfff), 60);
    if (version === 4) {
      let common = 0;
      while (common < previous.length && previous[common] === path[common]) common++;
      const strip = previous.length - common;
      assert.ok(strip < 128, 'one-byte varint in this helper');
      entries.push(fixed, Buffer.from([strip]), Buffer.from(path.slice(common) + '\0', 'utf8'));
    } else {
      const length = 62 + Buffer.byteLength(path) + 1;
      const padded = Math.ceil(length / 8) * 8;
      entries.push(fixed, Buffer.from(path, 'utf8'), Buffer.alloc(padded - length + 1));
    }
    previous = path;
  }
  return Buffer.concat([header, ...entries, Buffer.alloc(20)]);
}
