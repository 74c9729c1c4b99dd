// The criteria page's words for the shipped rubrics: levels, points, rule and exemptions as the letter writes them.
import { describe, expect, it } from 'vitest';
import { bangkokDay, criteriaDocument } from '../../engine/criteria-document.js';
import { shippedRubric } from '../helpers.js';

describe('criteriaDocument', () => {
  describe('when the grade is the worst of two criteria (otop)', () => {
    const doc = criteriaDocument(shippedRubric('otop').rubric);
    it('has a row per level with each criterion\'s threshold in the letter\'s words', () => {
      expect(doc.levels?.headers.map((h) => h.th)).toEqual(['ผลิตภัณฑ์ลงทะเบียนเพิ่มขึ้น', 'ยอดจำหน่ายเพิ่มขึ้น']);
      expect(doc.levels?.rows.map((r) => r.level)).toEqual(['A', 'B', 'C', 'D']);
      expect(doc.levels?.rows[0]!.cells.map((c) => c[0]!.th)).toEqual(['๕ ผลิตภัณฑ์ขึ้นไป', 'มากกว่าร้อยละ ๔']);
      expect(doc.levels?.rows[3]!.cells.map((c) => c[0]!.en)).toEqual(['fewer than 3 products', 'less than 2 %']);
      expect(doc.rule[0]!.en).toMatch(/lowest level/);
      expect(doc.points).toEqual([]);
    });
  });

  describe('when the grade is bands over a score of points (community-fund)', () => {
    const doc = criteriaDocument(shippedRubric('community-fund').rubric);
    it('lists each criterion\'s points, the score\'s bands and the exemption\'s provinces', () => {
      expect(doc.points).toHaveLength(3);
      expect(doc.points[0]!.rows.map((r) => `${r.points.th}: ${r.words.th}`)).toEqual([
        '๑๐ คะแนน: ร้อยละ ๑๐๐ ขึ้นไป',
        '๙ คะแนน: ระหว่างร้อยละ ๙๐ - ๙๙',
        '๘ คะแนน: ระหว่างร้อยละ ๘๐ - ๘๙',
        '๗ คะแนน: น้อยกว่าร้อยละ ๘๐',
      ]);
      expect(doc.levels?.rows.map((r) => r.cells[0]![0]!.th)).toEqual(['เท่ากับ ๓๐ คะแนน', 'ระหว่าง ๒๗ - ๒๙ คะแนน', 'ระหว่าง ๒๔ - ๒๖ คะแนน', 'น้อยกว่า ๒๔ คะแนน']);
      expect(doc.rule[0]!.en).toMatch(/sum .* scaled up/);
      expect(doc.exemptions[0]!.when.th).toContain('นนทบุรี');
      expect(doc.exemptions[0]!.when.en).toContain('Nonthaburi');
      expect(doc.exemptions[0]!.notApplicable[0]!.en).toBe('1) Production savings groups in กข.คจ. villages');
    });
  });

  describe('when the grade is a ladder (click-chumchon) or a truth table (pracharat)', () => {
    it('gives a ladder row its conditions one by one and the floor its own row', () => {
      const doc = criteriaDocument(shippedRubric('click-chumchon').rubric);
      expect(doc.levels?.rows.map((r) => r.level)).toEqual(['A', 'B', 'C', 'D']);
      expect(doc.levels?.rows[0]!.cells[0]).toHaveLength(6);
      expect(doc.levels?.rows[3]!.cells[0]![0]!.en).toBe('none of the rows above holds');
      expect(doc.rule.at(-1)!.en).toMatch(/first row .* D when none does/);
    });
    it('says a truth table\'s yes and no in words', () => {
      const doc = criteriaDocument(shippedRubric('pracharat').rubric);
      expect(doc.levels?.rows[1]!.cells.map((c) => c[0]!.th)).toEqual(['ไม่มีการดำเนินการตามแผน', 'มีรายได้', 'สามารถควบคุมค่าใช้จ่ายได้']);
    });
  });
});

describe('bangkokDay', () => {
  it('reads an instant as the day in Bangkok', () => {
    expect(bangkokDay('2024-06-20T18:30:00.000Z')).toBe('2024-06-21');
    expect(bangkokDay('2024-06-20T16:59:59.000Z')).toBe('2024-06-20');
  });
});
