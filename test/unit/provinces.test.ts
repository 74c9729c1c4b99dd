import { describe, expect, it } from 'vitest';
import {
  CDD_PROVINCES,
  normaliseProvinceText,
  PROVINCE_CATALOGUE_VERSION,
  PROVINCES,
  provinceByName,
  resolveProvince,
} from '../../engine/provinces.js';
import areas from '../../engine/catalogues/districts.json' with { type: 'json' };

/** The Thai name of the province a text resolves to, or undefined. */
function resolvedThai(text: string): string | undefined {
  const result = resolveProvince(text);
  return 'province' in result ? result.province.th : undefined;
}

/** The Thai name of the province suggested for a text, or undefined. */
function suggestedThai(text: string): string | undefined {
  const result = resolveProvince(text);
  return 'suggestion' in result ? result.suggestion?.th : undefined;
}

describe('PROVINCES', () => {
  it('lists the 77 provinces, Bangkok first', () => {
    expect(PROVINCES).toHaveLength(77);
    expect(PROVINCES[0]).toMatchObject({ code: 'TH-10', th: 'กรุงเทพมหานคร', en: 'Bangkok', cddOffice: false });
    expect(PROVINCE_CATALOGUE_VERSION).toMatch(/\S/);
  });
  it('has an ISO 3166-2:TH code of two digits for every province, each once, and no Pattaya', () => {
    const codes = PROVINCES.map((p) => p.code);
    for (const code of codes) expect(code).toMatch(/^TH-\d\d$/);
    expect(new Set(codes).size).toBe(77);
    expect(codes).not.toContain('TH-S');
    expect(codes).toContain('TH-38');
    expect(codes.at(-1)).toBe('TH-96');
  });
  it('has unique Thai and English names', () => {
    expect(new Set(PROVINCES.map((p) => p.th)).size).toBe(77);
    expect(new Set(PROVINCES.map((p) => p.en)).size).toBe(77);
  });
  it('gives no two provinces the same spelling after normalisation', () => {
    const owners = new Map<string, string>();
    for (const p of PROVINCES) {
      for (const text of [p.code, p.th, p.en, ...p.aliases]) {
        const key = normaliseProvinceText(text);
        expect(owners.get(key) ?? p.code, `${text} of ${p.code}`).toBe(p.code);
        owners.set(key, p.code);
      }
    }
  });
});

describe('CDD_PROVINCES', () => {
  it('holds the 76 provinces with a provincial office, all but Bangkok', () => {
    expect(CDD_PROVINCES).toHaveLength(76);
    expect(CDD_PROVINCES.map((p) => p.code)).not.toContain('TH-10');
    expect(CDD_PROVINCES.every((p) => p.cddOffice)).toBe(true);
  });
  it('names exactly the provinces of the national sample', () => {
    const sample = areas.provinces.map((a) => a.province).sort();
    expect(CDD_PROVINCES.map((p) => p.th).sort()).toEqual(sample);
  });
});

describe('normaliseProvinceText', () => {
  it('removes the province prefix, spaces, zero-width characters and NBSP from Thai text', () => {
    expect(normaliseProvinceText('จังหวัด\u00A0ภู\u200Bเก็ต ')).toBe('ภูเก็ต');
    expect(normaliseProvinceText('จ. น่าน')).toBe('น่าน');
  });
  it('keeps a leading จ that is part of the name', () => {
    expect(normaliseProvinceText('จันทบุรี')).toBe('จันทบุรี');
  });
  it('writes NIKHAHIT and SARA AA as SARA AM', () => {
    expect(normaliseProvinceText('ล\u0E4D\u0E32ปาง')).toBe('ล\u0E33ปาง');
    expect(normaliseProvinceText('ก\u0E4D\u0E48\u0E32')).toBe('ก\u0E48\u0E33');
  });
  it('puts Thai marks typed out of order into canonical order', () => {
    expect(normaliseProvinceText('ป\u0E48\u0E39')).toBe('ป\u0E39\u0E48');
  });
  it('lower-cases Latin text and drops spaces, hyphens, dots and the words province and changwat', () => {
    expect(normaliseProvinceText('Changwat Si Sa Ket Province')).toBe('sisaket');
    expect(normaliseProvinceText('Phra-Nakhon Si Ayutthaya.')).toBe('phranakhonsiayutthaya');
    expect(normaliseProvinceText('TH-83')).toBe('th83');
  });
});

describe('resolveProvince', () => {
  describe('when given a spelling of Phuket', () => {
    const spellings = [
      'ภูเก็ต',
      'จ.ภูเก็ต',
      'จ. ภูเก็ต',
      'จังหวัดภูเก็ต',
      ' ภูเก็ต ',
      'ภู เก็ต',
      'Phuket',
      'PHUKET',
      'phuket province',
      'TH-83',
      'th83',
      'ภู\u200Bเก็ต',
      '\uFEFFภูเก็ต',
      'ภูเก็ต'.normalize('NFD'),
    ];
    for (const spelling of spellings) {
      it(`resolves ${JSON.stringify(spelling)} to ภูเก็ต TH-83`, () => {
        expect(resolveProvince(spelling)).toEqual({ province: expect.objectContaining({ th: 'ภูเก็ต', code: 'TH-83' }) });
      });
    }
  });

  describe('when the name has a prefix, padding or a two-character SARA AM', () => {
    it('resolves จังหวัดนนทบุรี to นนทบุรี', () => {
      expect(resolvedThai('จังหวัดนนทบุรี')).toBe('นนทบุรี');
    });
    it('resolves a padded หนองคาย to หนองคาย', () => {
      expect(resolvedThai(' หนองคาย ')).toBe('หนองคาย');
    });
    it('resolves ลําปาง typed with NIKHAHIT and SARA AA to ลำปาง', () => {
      expect(resolvedThai('ล\u0E4D\u0E32ปาง')).toBe('ลำปาง');
    });
    it('resolves จ.น่าน to น่าน, not to a province beginning with จ', () => {
      expect(resolvedThai('จ.น่าน')).toBe('น่าน');
    });
  });

  describe('when given an alias or an ISO code', () => {
    it('resolves common alternative names', () => {
      expect(resolvedThai('โคราช')).toBe('นครราชสีมา');
      expect(resolvedThai('Korat')).toBe('นครราชสีมา');
      expect(resolvedThai('อยุธยา')).toBe('พระนครศรีอยุธยา');
      expect(resolvedThai('กทม.')).toBe('กรุงเทพมหานคร');
      expect(resolvedThai('Chonburi')).toBe('ชลบุรี');
    });
    it('accepts TH83 but not a bare number', () => {
      expect(resolvedThai('TH83')).toBe('ภูเก็ต');
      expect(resolveProvince('83')).toEqual({});
    });
  });

  describe('when the name is unknown', () => {
    it('suggests ภูเก็ต for ภูเกต', () => {
      expect(resolveProvince('ภูเกต')).toEqual({ suggestion: expect.objectContaining({ th: 'ภูเก็ต' }) });
    });
    it('suggests ลำปาง for ลำปา and น่าน for นาน', () => {
      expect(suggestedThai('ลำปา')).toBe('ลำปาง');
      expect(suggestedThai('นาน')).toBe('น่าน');
    });
    it('suggests from English names too', () => {
      expect(suggestedThai('Pukhet')).toBe('ภูเก็ต');
    });
    it('gives neither province nor suggestion for Atlantis or empty text', () => {
      expect(resolveProvince('Atlantis')).toEqual({});
      expect(resolveProvince(' จ. ')).toEqual({});
    });
  });

  describe('when given the provinces of the national sample', () => {
    it('resolves each to itself', () => {
      expect(areas.provinces).toHaveLength(76);
      for (const { province } of areas.provinces) expect(resolvedThai(province), province).toBe(province);
    });
  });
});

describe('provinceByName', () => {
  it('finds a province by its canonical Thai name only', () => {
    expect(provinceByName('บึงกาฬ')?.code).toBe('TH-38');
    expect(provinceByName('จ.บึงกาฬ')).toBeUndefined();
    expect(provinceByName('Bueng Kan')).toBeUndefined();
  });
});
