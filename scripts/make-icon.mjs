// Draws the extension's icon, images/icon.png (128×128): a lens over a keyhole on a dark tile.
// Shapes are tested per sub-pixel (4×4 samples per pixel, for smooth edges) and written as a PNG
// with zlib, so no image tool is needed. Run: node scripts/make-icon.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4;
const TILE = [23, 50, 77];
const LENS = [94, 234, 212];
const KEY = [251, 191, 36];

const inRoundedSquare = (x, y) => {
  const [lo, hi, r] = [4, 124, 22];
  const cx = Math.min(Math.max(x, lo + r), hi - r);
  const cy = Math.min(Math.max(y, lo + r), hi - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= lo && x <= hi && y >= lo && y <= hi;
};
const distance = (x, y, cx, cy) => Math.hypot(x - cx, y - cy);
const toSegment = (x, y, [ax, ay], [bx, by]) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
};
const inRing = (x, y) => Math.abs(distance(x, y, 55, 55) - 32) <= 6;
const inHandle = (x, y) => toSegment(x, y, [80, 80], [104, 104]) <= 8;
const inKeyhole = (x, y) => distance(x, y, 55, 47) <= 9 || (y >= 50 && y <= 71 && Math.abs(x - 55) <= 5 + (y - 50) * 0.25);

/** The colour of one sub-pixel: shapes drawn back to front. */
function sample(x, y) {
  if (inRing(x, y) || inHandle(x, y)) return [...LENS, 255];
  if (inKeyhole(x, y)) return [...KEY, 255];
  if (inRoundedSquare(x, y)) return [...TILE, 255];
  return [0, 0, 0, 0];
}

const rows = [];
for (let py = 0; py < SIZE; py++) {
  const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0, then RGBA
  for (let px = 0; px < SIZE; px++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const [r, g, b, a] = sample(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
        sum[0] += r * a;
        sum[1] += g * a;
        sum[2] += b * a;
        sum[3] += a;
      }
    }
    const alpha = sum[3] / SAMPLES ** 2;
    const colour = sum[3] > 0 ? sum.slice(0, 3).map((c) => Math.round(c / sum[3])) : [0, 0, 0];
    row.set([...colour, Math.round(alpha)], 1 + px * 4);
  }
  rows.push(row);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
mkdirSync('images', { recursive: true });
writeFileSync('images/icon.png', png);
console.log(`images/icon.png: ${SIZE}×${SIZE}, ${png.length} bytes`);
