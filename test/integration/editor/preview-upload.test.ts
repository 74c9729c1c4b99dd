// The preview's reading of uploads (editor/routes/p/[period]/preview/upload.ts) over the whole office
// corpus, as the page does it with no help: a file of one table goes to the mission its header
// names, a workbook's sheets to the missions named by them (or guessed from their header), the id
// column given only where expected.json gives the CLI one; every grade as expected.json says.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGraders } from '../../../editor/routes/p/[period]/preview/graders.js';
import { gradeInChunks, outcome } from '../../../editor/routes/p/[period]/preview/grading.js';
import { bestMission, guessSheets, isSingleTable, readFor, readUpload, sheetsByName } from '../../../editor/routes/p/[period]/preview/upload.js';

type Grades = Record<string, string>;
interface Expected {
  mission: string | null;
  sheet?: string;
  idColumn?: string;
  grades?: Grades | Record<string, Grades>;
  refuse?: { code: string };
}

const corpus = join(import.meta.dirname, '../../fixtures/office');
const rubrics = join(import.meta.dirname, '../../../rubrics/2567-Q3');
const expected = JSON.parse(readFileSync(join(corpus, 'expected.json'), 'utf8')) as Record<string, Expected>;
const graders = buildGraders(
  '2567-Q3',
  readdirSync(rubrics).map((f) => ({
    mission: f.replace(/\.yaml$/, ''),
    draft: null,
    published: { yaml: readFileSync(join(rubrics, f), 'utf8'), revision: 1, digest: 'sha256:test' },
  })),
);
const graderOf = (mission: string) => graders.find((g) => g.mission === mission)!;
const upload = (file: string) => readUpload(new File([readFileSync(join(corpus, file))], file));

describe('the preview reads every office file of the corpus as the CLI does', () => {
  for (const [file, spec] of Object.entries(expected)) {
    it(file, async () => {
      const loaded = await upload(file);
      if ('problem' in loaded) {
        expect(spec.refuse?.code).toBe(loaded.problem.code);
        expect(loaded.problem.message.th).not.toBe('');
        expect(loaded.problem.message.en).not.toBe('');
        return;
      }
      const wanted: Record<string, Grades> = spec.mission ? { [spec.mission]: (spec.grades ?? {}) as Grades } : ((spec.grades ?? {}) as Record<string, Grades>);
      const sheets: Record<string, string | undefined> = {};
      if (isSingleTable(loaded)) {
        // The mission is the one the header names best; a file whose header names none has no guess.
        const guess = bestMission(loaded, graders)?.mission;
        if (!spec.refuse) expect(guess).toBe(spec.mission);
      } else {
        const named = sheetsByName(loaded, graders);
        const guessed = guessSheets(loaded, graders, named);
        for (const mission of Object.keys(wanted)) {
          if (spec.sheet) expect(named.get(mission) ?? guessed[mission]).toBe(spec.sheet);
          else expect(named.has(mission) || guessed[mission] !== undefined).toBe(true);
          sheets[mission] = guessed[mission];
        }
        // No sheet is given to a mission the file does not hold.
        expect([...named.keys(), ...Object.keys(guessed)].filter((m) => !(m in wanted))).toEqual([]);
      }
      if (spec.refuse) {
        const read = readFor(loaded, graderOf(spec.mission!), {});
        expect('problem' in read && read.problem.code).toBe(spec.refuse.code);
        return;
      }
      for (const [mission, grades] of Object.entries(wanted)) {
        const read = readFor(loaded, graderOf(mission), { sheet: sheets[mission], idColumn: spec.idColumn });
        if ('problem' in read) throw new Error(`${mission}: ${read.problem.message.en}`);
        const results = await gradeInChunks(graderOf(mission).current, read.data, () => {});
        expect(Object.fromEntries(results.map((r) => [r.id, outcome(r)]))).toEqual(grades);
        // Every unit's province and district are carried to its result.
        read.data.units.forEach((unit, i) => {
          expect(results[i]!.place.province).toBe(unit.province);
          expect(results[i]!.place.district).toBe(unit.district);
        });
      }
    });
  }

  it('a JSON array of rows goes to the mission its keys name, with province and district carried', async () => {
    const rows = [
      { id: 'otop-1', province: 'ลำปาง', district: 'เกาะคา', newProducts: 5, salesGrowthPct: 4.5 },
      { id: 'otop-2', province: 'ลำปาง', district: 'งาว', newProducts: 2, salesGrowthPct: 1 },
    ];
    const loaded = await readUpload(new File([JSON.stringify(rows)], 'otop.json'));
    if ('problem' in loaded) throw new Error(loaded.problem.message.en);
    expect(isSingleTable(loaded)).toBe(true);
    expect(bestMission(loaded, graders)?.mission).toBe('otop');
    const read = readFor(loaded, graderOf('otop'), {});
    if ('problem' in read) throw new Error(read.problem.message.en);
    const results = await gradeInChunks(graderOf('otop').current, read.data, () => {});
    expect(results.map((r) => [r.id, outcome(r), r.place.province, r.place.district])).toEqual([
      ['otop-1', 'A', 'ลำปาง', 'เกาะคา'],
      ['otop-2', 'D', 'ลำปาง', 'งาว'],
    ]);
  });

  it('grades a file of many slices with each row its own cell errors and place, and ids shared across slices found', async () => {
    const lines = ['id,province,district,newProducts,salesGrowthPct'];
    for (let i = 1; i <= 4500; i++) lines.push(`u${i === 4000 ? 10 : i},ลำปาง,d${i},${i === 3000 ? 'สาม' : 5},4.5`);
    const loaded = await readUpload(new File([lines.join('\n')], 'many.csv'));
    if ('problem' in loaded) throw new Error(loaded.problem.message.en);
    const read = readFor(loaded, graderOf('otop'), {});
    if ('problem' in read) throw new Error(read.problem.message.en);
    const results = await gradeInChunks(graderOf('otop').current, read.data, () => {});
    expect(results).toHaveLength(4500);
    expect(results.filter((r) => r.status === 'error')).toHaveLength(3);
    expect(results[9]!.verdict.errors?.[0]?.code).toBe('DUPLICATE_ID');
    expect(results[3999]!.verdict.errors?.[0]?.code).toBe('DUPLICATE_ID');
    expect(results[3999]!.place.district).toBe('d4000');
    expect(results[2999]!.verdict.errors?.[0]?.where.cell).toBe('D3001');
    expect(results[2999]!.place.district).toBe('d3000');
    expect(results[4499]!.grade).toBe('A');
  });
});
