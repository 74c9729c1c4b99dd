// The zip writer's own CRC-32, used where Node has no zlib.crc32 (before 20.15): it must give zlib's
// checksum, or a workbook written there would be refused as corrupt.
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { tableCrc32 } from '../../engine/node/zip-writer.js';

describe('tableCrc32', () => {
  it('gives zlib.crc32 for empty, ASCII, Thai and binary bytes, in one piece or continued', () => {
    const pieces = [new Uint8Array(0), Buffer.from('id,newProducts\n'), Buffer.from('หน่วย ก '.repeat(500)), Uint8Array.from({ length: 4096 }, (_, i) => (i * 131) % 256)];
    for (const bytes of pieces) expect(tableCrc32(bytes)).toBe(crc32(bytes));
    let continued = 0;
    for (const bytes of pieces) continued = tableCrc32(bytes, continued);
    expect(continued).toBe(crc32(Buffer.concat(pieces)));
    expect(tableCrc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });
});
