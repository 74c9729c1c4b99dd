// Counting and checking UTF-8 without decoding or encoding a whole text. Browser-safe: no Buffer.

/**
 * How many bytes a text takes in UTF-8, as TextEncoder would write it (a lone surrogate as the three
 * bytes of U+FFFD), counted without encoding it.
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** How many continuation bytes a lead byte announces and the least code point they may encode; undefined for a bad lead. */
function leadOf(b: number): { need: number; min: number } | undefined {
  if (b >= 0xc2 && b <= 0xdf) return { need: 1, min: 0x80 };
  if (b >= 0xe0 && b <= 0xef) return { need: 2, min: 0x800 };
  if (b >= 0xf0 && b <= 0xf4) return { need: 3, min: 0x10000 };
  return undefined;
}

/** Returns the offset of the first byte that is not valid UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const lead = leadOf(b);
    if (!lead) return i;
    const { need, min } = lead;
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}
