import { describe, expect, it } from 'vitest';
import { sameOriginPath } from '../../../editor/lib/same-origin.js';

const ORIGIN = 'http://127.0.0.1:5173';

describe('sameOriginPath', () => {
  describe('when the target stays on this site', () => {
    it('keeps its path, query and fragment', () => {
      expect(sameOriginPath('/p/2567-Q3/otop?x=1#top', ORIGIN)).toBe('/p/2567-Q3/otop?x=1#top');
      expect(sameOriginPath('/p/2567-Q3/ภารกิจ', ORIGIN)).toBe('/p/2567-Q3/%E0%B8%A0%E0%B8%B2%E0%B8%A3%E0%B8%81%E0%B8%B4%E0%B8%88');
    });
  });
  describe('when the target would leave the site or break a header', () => {
    it('sends home instead', () => {
      for (const hostile of ['/\\evil.example', '/\\evil.example/phish', '//evil.example', 'https://evil.example/', '\\\\evil.example', 'javascript:alert(1)', '/%5Cevil', null, '']) {
        const to = sameOriginPath(hostile, ORIGIN);
        expect(new URL(to, ORIGIN).origin, String(hostile)).toBe(ORIGIN);
      }
      expect(sameOriginPath('/\\evil.example', ORIGIN)).toBe('/');
      expect(sameOriginPath('/a\nb\rc', ORIGIN)).toBe('/abc');
    });
  });
});
