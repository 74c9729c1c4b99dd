import { describe, expect, it } from 'vitest';
import { districtOfId } from '../../engine/district-of-id.js';
import { placeOf, type Graded } from '../../editor/routes/p/[period]/preview/grading.js';

// A unit id that is one district's name gets that district and its province; anything else
// (a code, a name two provinces share, a province that disagrees) stays as the file wrote it.
describe('districtOfId', () => {
  it('names the district and its province for an exact name, with or without "อำเภอ"', () => {
    expect(districtOfId('เกาะลันตา')).toEqual({ province: 'กระบี่', district: 'เกาะลันตา' });
    expect(districtOfId(' อำเภอเกาะลันตา ')).toEqual({ province: 'กระบี่', district: 'เกาะลันตา' });
  });

  it('names nothing for a name districts of two provinces share, a code or a near miss', () => {
    expect(districtOfId('เฉลิมพระเกียรติ')).toBeUndefined();
    expect(districtOfId('8101')).toBeUndefined();
    expect(districtOfId('เกาะลันต')).toBeUndefined();
    expect(districtOfId('otop-0002')).toBeUndefined();
  });
});

/** One mission's results as the preview holds them, for placeOf. */
function graded(units: { id: string; province?: string; district?: string }[]): Graded {
  return {
    data: { rows: units.map(() => ({})) },
    results: units.map((u) => ({ id: u.id, place: { province: u.province, district: u.district } })),
    outcomes: units.map(() => 'A'),
  } as unknown as Graded;
}

describe('placeOf', () => {
  it("fills the district and province from an id that names one district, and says so", () => {
    expect(placeOf(graded([{ id: 'เกาะลันตา' }]), 0)).toEqual({ province: 'กระบี่', district: 'เกาะลันตา', listed: true });
  });

  it("keeps the file's own district, and leaves an id whose province disagrees with the file's as it is", () => {
    expect(placeOf(graded([{ id: 'เกาะลันตา', province: 'กระบี่', district: 'ลำทับ' }]), 0)).toEqual({ province: 'กระบี่', district: 'ลำทับ', listed: false });
    expect(placeOf(graded([{ id: 'เกาะลันตา', province: 'ลำปาง' }]), 0)).toEqual({ province: 'ลำปาง', district: '', listed: false });
    expect(placeOf(graded([{ id: 'otop-0002', province: 'ลำปาง' }]), 0)).toEqual({ province: 'ลำปาง', district: '', listed: false });
  });
});
