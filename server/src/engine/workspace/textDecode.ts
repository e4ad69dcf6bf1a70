// Files that hold NUL bytes yet are text: a whole file in UTF-16 with its byte-order mark, or a
// UTF-8 file with lines appended in UTF-16LE (what `echo … >> wrangler.toml` writes in Windows
// PowerShell). Read as binary, every line of such a file would go unscanned.

/** Share of the UTF-16LE part's high bytes that may be non-zero (non-ASCII text) before it is not text. */
const MAX_NON_ASCII_SHARE = 0.05;

/** The text of a UTF-16 file or of UTF-8 with a UTF-16LE tail; undefined for anything else. */
export function decodeUtf16Text(buffer: Buffer): string | undefined {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return utf16le(buffer.subarray(2));
  if (buffer[0] === 0xfe && buffer[1] === 0xff) {
    const swapped = Buffer.from(buffer.subarray(2, buffer.length - (buffer.length % 2)));
    return utf16le(swapped.swap16());
  }
  const nul = buffer.indexOf(0);
  if (nul < 1) return undefined;
  // ASCII in UTF-16LE is its byte then a NUL: the tail begins one byte before the first NUL, or
  // at a byte-order mark written there.
  let start = nul - 1;
  if (start >= 2 && buffer[start - 2] === 0xff && buffer[start - 1] === 0xfe) start -= 2;
  const head = buffer.subarray(0, start).toString('utf8');
  const tail = utf16le(buffer.subarray(start));
  return tail === undefined || head.includes('\uFFFD') ? undefined : head + tail;
}

/** UTF-16LE text without its byte-order mark, when the bytes look like text. */
function utf16le(bytes: Buffer): string | undefined {
  const body = bytes[0] === 0xff && bytes[1] === 0xfe ? bytes.subarray(2) : bytes;
  if (body.length % 2 !== 0 || !looksLikeUtf16le(body)) return undefined;
  return body.toString('utf16le');
}

/** Mostly ASCII (a zero high byte) and no NUL character: a binary file fails one or the other fast. */
function looksLikeUtf16le(body: Buffer): boolean {
  const allowed = Math.floor((body.length / 2) * MAX_NON_ASCII_SHARE);
  let nonAscii = 0;
  for (let i = 0; i < body.length; i += 2) {
    if (body[i] === 0 && body[i + 1] === 0) return false;
    if (body[i + 1] !== 0 && ++nonAscii > allowed) return false;
  }
  return true;
}

