import { describe, expect, it } from 'vitest';
import { valueCatalog, type ValueInfo } from '../../engine/catalog.js';
import type { Comparator, Condition, Rubric } from '../../engine/types.js';
import { bandWording, conditionWording } from '../../engine/wording.js';
import { shippedRubric } from '../helpers.js';

/** A rubric with one value of each kind: the words are made from their declarations. */
const RUBRIC = {
  facts: {
    salesPct: { type: 'number', precision: 2, unit: 'percent', label: { th: 'ยอดจำหน่ายเพิ่มขึ้น (ร้อยละ)', en: 'Sales growth (percent)' } },
    products: { type: 'integer', unit: { th: 'ผลิตภัณฑ์', en: 'products' }, label: { th: 'ผลิตภัณฑ์ใหม่', en: 'New products' } },
    score10: { type: 'number', precision: 1, label: { th: 'คะแนนประเมิน', en: 'Assessment' } },
    villages: { type: 'integer', label: { th: 'หมู่บ้าน', en: 'Villages' } },
    target: { type: 'integer', label: { th: 'เป้าหมาย', en: 'Target' } },
    place: { type: 'boolean', label: { th: 'มีกิจกรรมด้าน Place', en: 'Activities in Place' } },
    people: { type: 'boolean', label: { th: 'มีกิจกรรมด้าน People', en: 'Activities in People' } },
    records: {
      type: 'enum',
      label: { th: 'การบันทึกข้อมูล', en: 'Records' },
      values: [
        { value: 'all-current', label: { th: 'เป็นปัจจุบันทุกบริการ', en: 'Current in every service' } },
        { value: 'once', label: { th: 'อย่างน้อย ๑ ครั้ง', en: 'At least once' } },
        { value: 'none', label: { th: 'ไม่ได้บันทึก', en: 'Not recorded' } },
      ],
    },
    province: { type: 'string', catalog: 'province', label: { th: 'จังหวัด', en: 'Province' } },
    office: { type: 'string', label: { th: 'สำนักงาน', en: 'Office' } },
  },
  derived: {
    verifiedPct: { type: 'ratio', numerator: 'villages', denominator: 'target', multiplier: 100, precision: 2, unit: 'percent', label: { th: 'ร้อยละที่ตรวจแล้ว', en: 'Verified' } },
    dimensions: { type: 'countTrue', facts: ['place', 'people'], unit: { th: 'ด้าน', en: 'dimensions' }, label: { th: 'จำนวนด้าน', en: 'Dimensions' } },
  },
  conditions: { both: { all: [{ fact: 'place', operator: 'equal', value: true }, { fact: 'people', operator: 'equal', value: true }] } },
  score: { method: 'sum', label: { th: 'คะแนนรวม', en: 'Total' } },
} as unknown as Rubric;
const CATALOG = valueCatalog(RUBRIC);
const info = (id: string): ValueInfo => CATALOG.get(id)!;
const words = (id: string, op: Comparator, value: number | [number, number]) => bandWording({ op, value }, info(id));
const when = (condition: Condition) => conditionWording(condition, RUBRIC);

describe('bandWording', () => {
  describe('on a percentage (a number fact with unit percent)', () => {
    it.each([
      ['>=', 80, 'ร้อยละ ๘๐ ขึ้นไป', '80 % or more'],
      ['>', 4, 'มากกว่าร้อยละ ๔', 'more than 4 %'],
      ['<', 2, 'น้อยกว่าร้อยละ ๒', 'less than 2 %'],
      ['<=', 2, 'ไม่เกินร้อยละ ๒', '2 % or less'],
      ['=', 100, 'เท่ากับร้อยละ ๑๐๐', 'exactly 100 %'],
    ] as const)('words %s %d as the letter does', (op, value, th, en) => {
      expect(words('salesPct', op, value)).toEqual({ th, en });
    });

    it('words a range with ระหว่างร้อยละ and a dash', () => {
      expect(words('salesPct', 'between', [90, 99])).toEqual({ th: 'ระหว่างร้อยละ ๙๐ - ๙๙', en: 'between 90 and 99 %' });
    });

    it('shows a threshold as written, with no zeros added at the precision', () => {
      expect(words('salesPct', 'between', [0.5, 12.01])).toEqual({ th: 'ระหว่างร้อยละ ๐.๕ - ๑๒.๐๑', en: 'between 0.5 and 12.01 %' });
      expect(words('salesPct', '>', -5).th).toBe('มากกว่าร้อยละ -๕');
    });
  });

  describe('on a count with its unit words (an integer fact)', () => {
    it.each([
      ['>=', 5, '๕ ผลิตภัณฑ์ขึ้นไป', '5 products or more'],
      ['>', 3, 'มากกว่า ๓ ผลิตภัณฑ์', 'more than 3 products'],
      ['<', 3, 'น้อยกว่า ๓ ผลิตภัณฑ์', 'fewer than 3 products'],
      ['<=', 3, 'ไม่เกิน ๓ ผลิตภัณฑ์', '3 products or less'],
      ['=', 4, 'เท่ากับ ๔ ผลิตภัณฑ์', 'exactly 4 products'],
      ['between', [10, 25], 'ระหว่าง ๑๐ - ๒๕ ผลิตภัณฑ์', 'between 10 and 25 products'],
    ] as const)('words %s %s', (op, value, th, en) => {
      expect(words('products', op, value as number | [number, number])).toEqual({ th, en });
    });
  });

  describe('on a number without a unit', () => {
    it.each([
      ['>=', 8.5, '๘.๕ ขึ้นไป', '8.5 or more'],
      ['>', 7, 'มากกว่า ๗', 'more than 7'],
      ['<', 7, 'น้อยกว่า ๗', 'less than 7'],
      ['<=', 7, 'ไม่เกิน ๗', '7 or less'],
      ['=', 10, 'เท่ากับ ๑๐', 'exactly 10'],
      ['between', [6, 7.5], 'ระหว่าง ๖ - ๗.๕', 'between 6 and 7.5'],
    ] as const)('words %s %s', (op, value, th, en) => {
      expect(words('score10', op, value as number | [number, number])).toEqual({ th, en });
    });
  });

  describe('on derived values', () => {
    it('words a ratio in percent like a percentage fact', () => {
      expect(words('verifiedPct', '>=', 100)).toEqual({ th: 'ร้อยละ ๑๐๐ ขึ้นไป', en: '100 % or more' });
      expect(words('verifiedPct', '<', 60)).toEqual({ th: 'น้อยกว่าร้อยละ ๖๐', en: 'less than 60 %' });
    });

    it('words a count of true facts with its unit', () => {
      expect(words('dimensions', '=', 5)).toEqual({ th: 'เท่ากับ ๕ ด้าน', en: 'exactly 5 dimensions' });
      expect(words('dimensions', '<', 3)).toEqual({ th: 'น้อยกว่า ๓ ด้าน', en: 'fewer than 3 dimensions' });
    });

    it('words the combined score in คะแนน, as the letter does', () => {
      expect(words('score', 'between', [27, 29])).toEqual({ th: 'ระหว่าง ๒๗ - ๒๙ คะแนน', en: 'between 27 and 29 points' });
      expect(words('score', '>=', 80)).toEqual({ th: '๘๐ คะแนนขึ้นไป', en: '80 points or more' });
    });
  });

  it('matches the letter on the shipped rubrics where the letter is regular', () => {
    const otop = shippedRubric('otop').rubric;
    const catalog = valueCatalog(otop);
    const [products, sales] = otop.criteria!;
    expect(products!.bands.map((b) => bandWording(b, catalog.get(products!.input)).th)).toEqual(['๕ ผลิตภัณฑ์ขึ้นไป', '๔ ผลิตภัณฑ์ขึ้นไป', '๓ ผลิตภัณฑ์ขึ้นไป', 'น้อยกว่า ๓ ผลิตภัณฑ์']);
    // The letter's own words for these four bands, exactly.
    expect(sales!.bands.map((b) => bandWording(b, catalog.get(sales!.input)).th)).toEqual(sales!.bands.map((b) => b.quote));
  });
});

describe('conditionWording', () => {
  it('words a yes/no fact by its label, and "ไม่" before it when it must not hold', () => {
    expect(when({ fact: 'place', operator: 'equal', value: true })).toEqual({ th: 'มีกิจกรรมด้าน Place', en: 'Activities in Place' });
    expect(when({ fact: 'place', operator: 'equal', value: false })).toEqual({ th: 'ไม่มีกิจกรรมด้าน Place', en: 'Activities in Place: no' });
    expect(when({ fact: 'place', operator: 'notEqual', value: true }).th).toBe('ไม่มีกิจกรรมด้าน Place');
  });

  it('words a number comparison with its label, the percent word said once', () => {
    expect(when({ fact: 'salesPct', operator: 'greaterThanInclusive', value: 80 })).toEqual({ th: 'ยอดจำหน่ายเพิ่มขึ้น ร้อยละ ๘๐ ขึ้นไป', en: 'Sales growth: 80 % or more' });
    expect(when({ fact: 'products', operator: 'lessThanInclusive', value: 2 })).toEqual({ th: 'ผลิตภัณฑ์ใหม่ ไม่เกิน ๒ ผลิตภัณฑ์', en: 'New products: 2 products or less' });
    expect(when({ fact: 'dimensions', operator: 'greaterThan', value: 3 }).th).toBe('จำนวนด้าน มากกว่า ๓ ด้าน');
    expect(when({ fact: 'verifiedPct', operator: 'lessThan', value: 60 }).th).toBe('ร้อยละที่ตรวจแล้ว น้อยกว่าร้อยละ ๖๐');
  });

  it('words an enum by the Thai labels of its values', () => {
    expect(when({ fact: 'records', operator: 'equal', value: 'all-current' })).toEqual({ th: 'เป็นปัจจุบันทุกบริการ', en: 'Current in every service' });
    expect(when({ fact: 'records', operator: 'in', value: ['all-current', 'once'] })).toEqual({
      th: 'เป็นปัจจุบันทุกบริการ หรืออย่างน้อย ๑ ครั้ง',
      en: 'Current in every service or At least once',
    });
    expect(when({ fact: 'records', operator: 'notEqual', value: 'none' })).toEqual({ th: 'ไม่ใช่ ไม่ได้บันทึก', en: 'not Not recorded' });
  });

  it('words provinces by their Thai names and, in English, their ISO names', () => {
    expect(when({ fact: 'province', operator: 'in', value: ['นนทบุรี', 'ภูเก็ต', 'สุโขทัย'] })).toEqual({
      th: 'จังหวัดนนทบุรี ภูเก็ต หรือสุโขทัย',
      en: 'the province of Nonthaburi, Phuket or Sukhothai',
    });
    expect(when({ fact: 'province', operator: 'notIn', value: ['ภูเก็ต'] })).toEqual({ th: 'จังหวัดอื่นที่ไม่ใช่ภูเก็ต', en: 'a province other than Phuket' });
    expect(when({ fact: 'office', operator: 'equal', value: 'ลำปาง' })).toEqual({ th: 'สำนักงาน ลำปาง', en: 'Office: ลำปาง' });
  });

  it('joins all with "และ" and any with "หรือ" as the letter does, bracketing a nested group of the other kind', () => {
    const place = { fact: 'place', operator: 'equal', value: true } as const;
    const people = { fact: 'people', operator: 'equal', value: true } as const;
    const five = { fact: 'products', operator: 'greaterThanInclusive', value: 5 } as const;
    expect(when({ any: [place, people] })).toEqual({ th: 'มีกิจกรรมด้าน Place หรือมีกิจกรรมด้าน People', en: 'Activities in Place or Activities in People' });
    expect(when({ all: [five, { any: [place, people] }] })).toEqual({
      th: 'ผลิตภัณฑ์ใหม่ ๕ ผลิตภัณฑ์ขึ้นไป และ (มีกิจกรรมด้าน Place หรือมีกิจกรรมด้าน People)',
      en: 'New products: 5 products or more and (Activities in Place or Activities in People)',
    });
    expect(when({ not: { all: [place, people] } })).toEqual({ th: 'ไม่ใช่กรณีที่ (มีกิจกรรมด้าน Place และมีกิจกรรมด้าน People)', en: 'not (Activities in Place and Activities in People)' });
  });

  it('words a named condition by its own words, and a name that leads nowhere by the name', () => {
    expect(when({ all: [{ condition: 'both' }, { fact: 'products', operator: 'greaterThan', value: 3 }] }).th).toBe(
      'มีกิจกรรมด้าน Place และมีกิจกรรมด้าน People และผลิตภัณฑ์ใหม่ มากกว่า ๓ ผลิตภัณฑ์',
    );
    expect(when({ condition: 'missing' })).toEqual({ th: '⟨missing⟩', en: '⟨missing⟩' });
  });

  it('words a shipped ladder row in the letter\'s joining words', () => {
    const moral = shippedRubric('moral-organization').rubric;
    const rows = moral.grade?.type === 'ladder' ? moral.grade.rows : [];
    expect(rows.map((r) => conditionWording(r.when, moral).th)).toEqual([
      'จัดกิจกรรมประกาศเกียรติคุณองค์กรคุณธรรม และจัดกิจกรรมประกาศเกียรติคุณหน่วยงานคุณธรรม และจำนวนช่องทางเผยแพร่ประชาสัมพันธ์ผลการดำเนินงาน (ออนไลน์และออฟไลน์) ๓ ช่องทางขึ้นไป',
      'จัดกิจกรรมประกาศเกียรติคุณองค์กรคุณธรรม และจัดกิจกรรมประกาศเกียรติคุณหน่วยงานคุณธรรม',
      'จัดกิจกรรมประกาศเกียรติคุณองค์กรคุณธรรม หรือจัดกิจกรรมประกาศเกียรติคุณหน่วยงานคุณธรรม',
      'ดำเนินงานตามแผนการขับเคลื่อนองค์กรคุณธรรม จากคุณธรรมเป้าหมาย ๕ ประการ ครบทุกกิจกรรม มีแบบสรุปพร้อมรูปภาพ และบุคลากรในสังกัดเข้าร่วมในแต่ละกิจกรรม ร้อยละ ๑๐๐ ขึ้นไป',
    ]);
  });
});
