import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_RUBRIC_BYTES, loadRubric, utf8ByteLength } from '../../engine/load.js';

// The rubric size limit is in UTF-8 bytes whether the rubric comes as bytes (a file) or as text
// (the editor's draft): Thai letters take three bytes each, not one.
const encoder = new TextEncoder();

describe('utf8ByteLength', () => {
  it('counts one, two, three and four bytes per character as UTF-8 does', () => {
    expect(utf8ByteLength('')).toBe(0);
    expect(utf8ByteLength('otop')).toBe(4);
    expect(utf8ByteLength('é')).toBe(2);
    expect(utf8ByteLength('กรมการพัฒนาชุมชน')).toBe(16 * 3);
    expect(utf8ByteLength('๕')).toBe(3);
    expect(utf8ByteLength('😀')).toBe(4);
  });

  it('counts a lone surrogate as TextEncoder writes it (U+FFFD, three bytes)', () => {
    for (const text of ['\uD800', '\uDC00', 'a\uD800', '\uD800a', '\uDC00\uD800', '\uD83D\uD83D\uDE00']) {
      expect(utf8ByteLength(text), JSON.stringify(text)).toBe(encoder.encode(text).byteLength);
    }
  });

  it('agrees with TextEncoder for any sequence of UTF-16 units', () => {
    const unit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 64 }), (text) => utf8ByteLength(text) === encoder.encode(text).byteLength),
      { numRuns: 2000 },
    );
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => utf8ByteLength(text) === encoder.encode(text).byteLength));
  });
});

describe('the rubric size limit', () => {
  /** A rubric text of exactly `bytes` UTF-8 bytes, nearly all Thai letters. */
  function thaiText(bytes: number): string {
    const head = 'mission: otop\n# ';
    const thai = Math.floor((bytes - head.length - 1) / 3);
    const text = head + 'ก'.repeat(thai) + 'x'.repeat(bytes - head.length - 1 - thai * 3) + '\n';
    expect(utf8ByteLength(text)).toBe(bytes);
    return text;
  }

  it('refuses Thai text one byte over the limit, given as text or as bytes, naming its size in bytes', () => {
    const text = thaiText(MAX_RUBRIC_BYTES + 1);
    // Far fewer characters than bytes: a count of characters would let it through.
    expect(text.length).toBeLessThan(MAX_RUBRIC_BYTES / 2);
    for (const input of [text, encoder.encode(text)]) {
      const { diagnostics } = loadRubric(input, 'big.yaml');
      expect(diagnostics.map((d) => [d.code, d.where.line, d.where.column])).toEqual([['FILE_TOO_LARGE', 1, 1]]);
      expect(diagnostics[0]!.received).toBe(`${MAX_RUBRIC_BYTES + 1} bytes`);
      expect(diagnostics[0]!.message.en).toContain(`${MAX_RUBRIC_BYTES + 1} bytes`);
    }
  });

  it('reads Thai text of exactly the limit, given as text or as bytes', () => {
    const text = thaiText(MAX_RUBRIC_BYTES);
    for (const input of [text, encoder.encode(text)]) {
      const loaded = loadRubric(input, 'limit.yaml');
      expect(loaded.diagnostics.map((d) => d.code)).not.toContain('FILE_TOO_LARGE');
      expect(loaded.value).toEqual({ mission: 'otop' });
    }
  });

  it('refuses a text longer than the limit in characters without a second look', () => {
    const { diagnostics } = loadRubric('# ' + 'x'.repeat(MAX_RUBRIC_BYTES), 'long.yaml');
    expect(diagnostics.map((d) => [d.code, d.received])).toEqual([['FILE_TOO_LARGE', `${MAX_RUBRIC_BYTES + 2} bytes`]]);
  });
});
