// The Word file of the published criteria: the thresholds of the letter, marked Thai, in TH Sarabun New 16 pt, on A4.
import { describe, expect, it } from 'vitest';
import { byMissionNumber, criteriaDocx, docxMission } from '../../engine/criteria-docx.js';
import { periodLabel } from '../../engine/period.js';
import { docxParts as partsOf, docxText as textOf } from '../docx.js';
import { SHIPPED_PERIOD, shippedRubric, shippedRubrics } from '../helpers.js';

const label = periodLabel(SHIPPED_PERIOD);

describe('criteriaDocx', () => {
  describe('when it writes one mission (otop) in Thai', async () => {
    const { body, header, footer } = await partsOf(await criteriaDocx({ period: label, missions: [docxMission(shippedRubric('otop').rubric)], lang: 'th', digits: 'thai' }));
    const text = textOf(body);
    it('holds every threshold of the letter in its words, with Thai digits', () => {
      for (const words of ['๕ ผลิตภัณฑ์ขึ้นไป', 'มากกว่าร้อยละ ๔', 'น้อยกว่า ๓ ผลิตภัณฑ์', 'น้อยกว่าร้อยละ ๒']) expect(text).toContain(words);
      expect(text).toContain(shippedRubric('otop').rubric.name.th);
      expect(text).not.toMatch(/fewer than/);
    });
    it('marks the runs Thai and sets TH Sarabun New at 16 pt, also for complex script', () => {
      expect(body).toMatch(/<w:lang [^>]*w:bidi="th-TH"/);
      expect(body).toMatch(/<w:lang [^>]*w:val="th-TH"/);
      expect(body).toMatch(/<w:rFonts [^>]*w:cs="TH Sarabun New"/);
      expect(body).toContain('<w:szCs w:val="32"/>');
      expect(body).toContain('<w:sz w:val="32"/>');
    });
    it('sets A4 with the margins of a Thai official letter, and Thai page numbers', () => {
      expect(body).toMatch(/<w:pgSz [^>]*w:w="11906"[^>]*w:h="16838"/);
      expect(body).toMatch(/<w:pgMar [^>]*w:top="1418"[^>]*w:right="1134"[^>]*w:bottom="1134"[^>]*w:left="1701"/);
      expect(body).toMatch(/<w:pgNumType [^>]*w:fmt="thaiNumbers"/);
    });
    it('puts the period in the header and the page number in the footer', () => {
      expect(textOf(header)).toContain(label.th);
      expect(footer).toMatch(/PAGE/);
    });
    it('keeps table rows whole across pages', () => {
      expect(body).toContain('<w:cantSplit/>');
    });
  });

  describe('when it writes one mission with Arabic digits', async () => {
    const { body } = await partsOf(await criteriaDocx({ period: label, missions: [docxMission(shippedRubric('otop').rubric)], lang: 'th', digits: 'arabic' }));
    it('writes the thresholds with Arabic digits and no Thai ones', () => {
      expect(textOf(body)).toContain('มากกว่าร้อยละ 4');
      expect(textOf(body)).not.toMatch(/[๐-๙]/);
    });
  });

  describe('when it writes the published missions of a period', async () => {
    const rubrics = shippedRubrics().flatMap((r) => (r.valid && r.rubric.status === 'published' ? [r.rubric] : []));
    const missions = rubrics.map(docxMission).sort(byMissionNumber);
    const { body } = await partsOf(await criteriaDocx({ period: label, missions, lang: 'en', digits: 'arabic' }));
    it("holds every mission's name, in English when asked", () => {
      expect(rubrics.length).toBeGreaterThan(5);
      for (const rubric of rubrics) expect(textOf(body)).toContain(rubric.name.en);
      expect(textOf(body)).toContain('more than 4 %');
      // Latin text in English, Thai letters (complex script) still Thai.
      expect(body).toMatch(/<w:lang [^>]*w:val="en-GB"/);
      expect(body).not.toMatch(/<w:lang [^>]*w:val="th-TH"/);
      expect(body).toMatch(/<w:lang [^>]*w:bidi="th-TH"/);
    });
  });
});
