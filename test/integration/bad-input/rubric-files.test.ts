// The bad-input suite, rubric files: one named case per way a rubric file can be unusable, from
// bytes that are not UTF-8 to a reference to a fact nobody declared. Each case is written to its
// own store (<root>/2567-Q3/<mission>.yaml) and read as the CLI reads it. It must come back with
// no rubric and exactly the diagnostic codes the case names (each with a Thai and an English
// message); `rubric validate` must exit 1 naming the code; `rubric grade` must exit 1 and write no
// --out file; and the rubric file must be byte for byte what the case wrote, alone in its folder.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_CONDITION_DEPTH } from '../../../engine/check.js';
import { main } from '../../../engine/cli/main.js';
import type { RubricCode } from '../../../engine/diagnostics.js';
import { MAX_RUBRIC_BYTES } from '../../../engine/load.js';
import { readRubricFile } from '../../../engine/node/rubric-files.js';
import { tempDir } from '../../temp.js';

const PERIOD = '2567-Q3';
const work = tempDir('rubric-bad-rubrics-');
const data = join(work, 'rows.csv');
writeFileSync(data, 'id,count,share,done,kind,province\nu1,5,60,yes,big,ลำปาง\n');

// A rubric as an object to take apart: this stands in for any field the schema and the checks know.
type Doc = Record<string, any>;
const label = (en: string) => ({ th: `ป้าย ${en}`, en });
const BASE: Doc = {
  mission: 'test',
  number: 1,
  period: PERIOD,
  revision: 1,
  status: 'draft',
  name: { th: 'ทดสอบ', en: 'Test' },
  leadUnit: { th: 'กอง', en: 'Bureau' },
  reporting: { channel: { th: 'แบบฟอร์ม', en: 'A form' }, rounds: [{ round: 1, due: '2024-04-19' }] },
  source: { document: 'หนังสือ', date: '2024-04-26', lines: '1-2' },
  notes: [{ th: 'หมายเหตุ', en: 'A note' }],
  facts: {
    count: { type: 'integer', label: label('Count'), unit: { th: 'ชิ้น', en: 'pieces' }, min: 0 },
    share: { type: 'number', precision: 2, unit: 'percent', label: label('Share'), min: 0, max: 100 },
    done: { type: 'boolean', label: label('Done'), aliases: { yes: ['เสร็จ'] } },
    kind: { type: 'enum', label: label('Kind'), values: [{ value: 'big', label: label('Big') }, { value: 'small', label: label('Small') }] },
    province: { type: 'string', catalog: 'province', label: label('Province') },
  },
  derived: { perCount: { type: 'ratio', label: label('Per count'), numerator: 'share', denominator: 'count', precision: 2 } },
  conditions: { busy: { fact: 'count', operator: 'greaterThan', value: 3 } },
  criteria: [
    { id: 'countLevel', label: label('Count level'), input: 'count', bands: [{ level: 'A', op: '>=', value: 5 }, { level: 'D', op: '<', value: 5 }] },
    { id: 'shareLevel', label: label('Share level'), input: 'share', bands: [{ level: 'A', op: 'between', value: [50, 100] }, { level: 'D', op: '<', value: 50 }] },
  ],
  exemptions: [{ id: 'north', label: label('North'), when: { fact: 'province', operator: 'in', value: ['เชียงใหม่'] }, notApplicable: ['shareLevel'] }],
  grade: { type: 'worst' },
  examples: [{ name: 'Five pieces and 60 % get A', facts: { count: 5, share: 60 }, expect: 'A' }],
};

/** The base rubric changed by `change`, as YAML. */
function edit(change: (doc: Doc) => void): string {
  const doc = structuredClone(BASE);
  change(doc);
  return stringify(doc);
}
/** The base rubric's YAML with one piece of text replaced (for what an object cannot hold: 1e400, a tag, a tab). */
function replaced(find: string, by: string): string {
  const text = stringify(BASE);
  if (!text.includes(find)) throw new Error(`the base rubric has no ${JSON.stringify(find)}`);
  return text.replace(find, by);
}
const LADDER = (rows: unknown[], extra: Doc = {}) => (d: Doc) => {
  delete d.criteria;
  delete d.exemptions;
  d.grade = { type: 'ladder', rows, ...extra };
};
const TRUTH = (columns: unknown[], rows: unknown[]) => (d: Doc) => {
  delete d.criteria;
  delete d.exemptions;
  d.grade = { type: 'truthTable', columns, rows };
};
const SCORED = (d: Doc) => {
  for (const c of d.criteria) c.bands = c.bands.map((b: Doc) => ({ points: b.level === 'A' ? 2 : 0, op: b.op, value: b.value }));
  d.score = { method: 'sum', label: label('Score') };
  d.grade = { type: 'bands', input: 'score', bands: [{ level: 'A', op: '>=', value: 3 }, { level: 'D', op: '<', value: 3 }] };
};
const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...parts: (string | number[])[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...utf8(p)] : p)));

interface Case {
  name: string;
  /** The error codes the file gets, each at least once and no other. */
  codes: RubricCode[];
  /** The JSON pointer one of the errors names. */
  at?: string;
  content: string | Uint8Array;
  /** The file's name in the store's period folder (default test.yaml). */
  file?: string;
}

const cases: Case[] = [
  // ——— The bytes and the YAML ———
  { name: 'an empty file', codes: ['EMPTY_FILE'], content: '' },
  { name: 'a file of blank lines and spaces', codes: ['EMPTY_FILE'], content: '\n   \n\n' },
  { name: 'a file of comments only', codes: ['EMPTY_FILE'], content: '# ภารกิจ\n# mission: test\n' },
  { name: 'a byte order mark and nothing else', codes: ['EMPTY_FILE'], content: bytes([0xef, 0xbb, 0xbf]) },
  { name: 'a document that is null', codes: ['EMPTY_FILE'], content: 'null\n' },
  { name: 'a document that is ~', codes: ['EMPTY_FILE'], content: '~\n' },
  { name: 'a list at the root', codes: ['NOT_A_MAPPING'], content: '- mission: test\n- period: 2567-Q3\n' },
  { name: 'a string at the root', codes: ['NOT_A_MAPPING'], content: 'just a sentence\n' },
  { name: 'a number at the root', codes: ['NOT_A_MAPPING'], content: '42\n' },
  { name: 'true at the root', codes: ['NOT_A_MAPPING'], content: 'true\n' },
  { name: 'two documents in one file', codes: ['YAML_SYNTAX'], content: stringify(BASE) + '---\nmission: other\n' },
  { name: 'a document end marker then another document', codes: ['YAML_SYNTAX'], content: '---\n' + stringify(BASE) + '...\n---\nx: 1\n' },
  { name: 'a tab indenting a key', codes: ['YAML_SYNTAX'], content: replaced('\n  count:', '\n\tcount:') },
  { name: 'a flow mapping never closed', codes: ['YAML_SYNTAX'], content: 'mission: test\nname: { th: ทดสอบ, en: Test\nperiod: 2567-Q3\n' },
  { name: 'a quoted string never closed', codes: ['YAML_SYNTAX'], content: 'mission: "test\nperiod: 2567-Q3\n' },
  { name: 'a key indented deeper than its siblings', codes: ['YAML_SYNTAX'], content: 'mission: test\n   period: 2567-Q3\nrevision: 1\n' },
  { name: 'an alias to an anchor that does not exist', codes: ['YAML_SYNTAX'], content: replaced('source:\n', 'source: *nowhere\nunused:\n') },
  { name: 'an alias before its anchor', codes: ['YAML_SYNTAX'], content: replaced('leadUnit:\n', 'leadUnit: *named\nlater: &named\n') },
  { name: 'a condition that is an alias of itself', codes: ['YAML_SYNTAX'], content: replaced('conditions:\n  busy:\n', 'conditions:\n  loop: &loop { not: *loop }\n  busy:\n') },
  { name: 'notes that hold themselves', codes: ['YAML_SYNTAX'], content: replaced('notes:\n', 'notes: &n [ *n ]\nnotesLater:\n') },
  {
    name: 'a billion laughs of nested aliases in the notes',
    codes: ['ALIAS_LIMIT'],
    content: replaced('notes:\n', 'x0: &a0 [lol, lol]\nx1: &a1 [*a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0]\nx2: &a2 [*a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1]\nx3: &a3 [*a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2]\nnotes:\n'),
  },
  { name: 'a key given twice in a fact', codes: ['DUPLICATE_KEY'], content: replaced('    type: integer\n', '    type: integer\n    type: number\n') },
  { name: 'a fact declared twice', codes: ['DUPLICATE_KEY'], content: replaced('  done:\n', '  count:\n    type: boolean\n  done:\n') },
  { name: 'a __proto__ key in the name', codes: ['FORBIDDEN_KEY'], at: '/name/__proto__', content: replaced('  en: Test\n', '  en: Test\n  __proto__: { polluted: true }\n') },
  { name: 'a prototype key among the derived values', codes: ['FORBIDDEN_KEY'], at: '/derived/prototype', content: replaced('derived:\n', 'derived:\n  prototype: { type: ratio }\n') },
  { name: 'a constructor key in an example\'s facts', codes: ['FORBIDDEN_KEY'], content: replaced('      count: 5\n', '      count: 5\n      constructor: 1\n') },
  { name: 'a !!js/function tag on a name', codes: ['YAML_SYNTAX'], content: replaced('  en: Test\n', '  en: !!js/function "function () { return 1 }"\n') },
  { name: 'a !!js/regexp tag on a band value', codes: ['YAML_SYNTAX'], content: replaced('value: 5\n', 'value: !!js/regexp /5/\n') },
  { name: 'a !!binary tag on a note', codes: ['YAML_SYNTAX'], content: replaced('  - th: หมายเหตุ', '  - th: !!binary 4Lir4Lih4Liy4Lii4LmA4Lir4LiV4Li4') },
  { name: 'a !!set tag on the source', codes: ['YAML_SYNTAX'], content: replaced('source:\n', 'source: !!set\n') },
  { name: 'a !!timestamp tag on a due date', codes: ['YAML_SYNTAX'], content: replaced('due: 2024-04-19', 'due: !!timestamp 2024-04-19') },
  { name: 'an !include tag for another file', codes: ['YAML_SYNTAX'], content: replaced('notes:\n  - th', 'notes: !include notes.yaml\nnotesLater:\n  - th') },
  { name: 'a NUL byte inside a name', codes: ['YAML_SYNTAX'], content: replaced('en: Test', 'en: Te\u0000st') },
  { name: 'an escape character inside a label', codes: ['YAML_SYNTAX'], content: replaced('en: Count\n', 'en: Co\u001B[31munt\n') },
  { name: 'a DEL character in the mission', codes: ['YAML_SYNTAX'], content: replaced('mission: test', 'mission: te\u007Fst') },
  { name: 'Latin-1 bytes in a name (not UTF-8)', codes: ['NOT_UTF8'], content: bytes('mission: test\nname: { th: ', [0x43, 0x61, 0x66, 0xe9], ', en: x }\n') },
  { name: 'Thai saved as Windows-874', codes: ['NOT_UTF8'], content: bytes('mission: test\nname: { th: ', [0xb7, 0xb4, 0xca, 0xcd, 0xba], ', en: Test }\n') },
  { name: 'a UTF-16 file with its byte order mark', codes: ['NOT_UTF8'], content: Uint8Array.from([0xff, 0xfe, ...[...'mission: test\n'].flatMap((c) => [c.charCodeAt(0), 0])]) },
  { name: 'a UTF-32 file with its byte order mark', codes: ['NOT_UTF8'], content: Uint8Array.from([0xff, 0xfe, 0, 0, 0x6d, 0, 0, 0]) },
  { name: 'an overlong UTF-8 encoding of "/"', codes: ['NOT_UTF8'], content: bytes('mission: test\nsource: { lines: "1', [0xc0, 0xaf], '2" }\n') },
  { name: 'an encoded UTF-16 surrogate', codes: ['NOT_UTF8'], content: bytes('mission: test\nname: { th: ', [0xed, 0xa0, 0x80], ', en: x }\n') },
  { name: 'a Thai character cut off at the end of the file', codes: ['NOT_UTF8'], content: bytes(stringify(BASE), [0xe0, 0xb8]) },
  { name: 'a UTF-8 byte order mark followed by Latin-1', codes: ['NOT_UTF8'], content: bytes([0xef, 0xbb, 0xbf], 'mission: caf', [0xe9], '\n') },
  { name: 'a file one byte over 1 MiB', codes: ['FILE_TOO_LARGE'], content: '# ' + 'x'.repeat(MAX_RUBRIC_BYTES - 3) + '\n' + 'a' },
  { name: 'a value nested 5,000 lists deep', codes: ['YAML_SYNTAX'], content: replaced('notes:\n', `deep: ${'['.repeat(5000)}${']'.repeat(5000)}\nnotes:\n`) },
  { name: 'a mapping key that is a list', codes: ['SCHEMA_UNKNOWN_PROPERTY'], content: stringify(BASE) + '? [a, b]\n: c\n' },
  { name: 'a key that is a number', codes: ['SCHEMA_UNKNOWN_PROPERTY'], at: '/2567', content: stringify(BASE) + '2567: Q3\n' },
  { name: 'a merge key (<<) under the facts', codes: ['SCHEMA_PATTERN', 'SCHEMA_REQUIRED', 'SCHEMA_ENUM'], at: '/facts/<<', content: replaced('facts:\n', 'facts:\n  <<: { other: { type: boolean } }\n') },
  { name: '250 unknown keys, past the 200 problems a file lists', codes: ['SCHEMA_UNKNOWN_PROPERTY', 'TOO_MANY_PROBLEMS'], content: stringify(BASE) + Array.from({ length: 250 }, (_, i) => `extra${i}: ${i}\n`).join('') },

  // ——— The top level ———
  ...(['mission', 'period', 'revision', 'status', 'name', 'reporting', 'source'] as const).map(
    (key): Case => ({ name: `no ${key}`, codes: ['SCHEMA_REQUIRED'], content: edit((d) => delete d[key]) }),
  ),
  { name: 'an unknown top-level key (grades)', codes: ['SCHEMA_UNKNOWN_PROPERTY'], at: '/grades', content: edit((d) => (d.grades = d.grade)) },
  { name: 'the mission as a number', codes: ['SCHEMA_TYPE'], at: '/mission', content: edit((d) => (d.mission = 42)) },
  { name: 'the mission in capitals', codes: ['SCHEMA_PATTERN'], at: '/mission', content: edit((d) => (d.mission = 'Test')) },
  { name: 'the mission with a path in it', codes: ['SCHEMA_PATTERN'], at: '/mission', content: edit((d) => (d.mission = '../test')) },
  { name: 'the mission with a trailing hyphen', codes: ['SCHEMA_PATTERN'], at: '/mission', content: edit((d) => (d.mission = 'test-')) },
  { name: 'the mission with a Cyrillic look-alike letter', codes: ['SCHEMA_PATTERN'], at: '/mission', content: edit((d) => (d.mission = 't\u0435st')) },
  { name: 'the mission with a zero-width space', codes: ['SCHEMA_PATTERN'], at: '/mission', content: edit((d) => (d.mission = 'te\u200Bst')) },
  { name: 'a mission id of 65 characters', codes: ['SCHEMA_CONSTRAINT'], at: '/mission', content: edit((d) => (d.mission = 'a'.repeat(65))), file: `${'a'.repeat(65)}.yaml` },
  { name: 'a mission other than its file name', codes: ['MISSION_MISMATCH'], at: '/mission', content: edit((d) => (d.mission = 'otop')) },
  { name: 'a period other than its folder', codes: ['PERIOD_MISMATCH'], at: '/period', content: edit((d) => (d.period = '2567-Q4')) },
  { name: 'quarter 5', codes: ['SCHEMA_PATTERN'], at: '/period', content: edit((d) => (d.period = '2567-Q5')) },
  { name: 'a period in lower case', codes: ['SCHEMA_PATTERN'], at: '/period', content: edit((d) => (d.period = '2567-q3')) },
  { name: 'a Gregorian year', codes: ['SCHEMA_PATTERN'], at: '/period', content: edit((d) => (d.period = '2024-Q3')) },
  { name: 'a period with Thai digits', codes: ['SCHEMA_PATTERN'], at: '/period', content: edit((d) => (d.period = '๒๕๖๗-Q3')) },
  { name: 'a period with a trailing line feed', codes: ['SCHEMA_PATTERN'], at: '/period', content: edit((d) => (d.period = '2567-Q3\n')) },
  { name: 'the period as a number', codes: ['SCHEMA_TYPE'], at: '/period', content: edit((d) => (d.period = 2567)) },
  { name: 'revision 0', codes: ['SCHEMA_CONSTRAINT'], at: '/revision', content: edit((d) => (d.revision = 0)) },
  { name: 'a negative revision', codes: ['SCHEMA_CONSTRAINT'], at: '/revision', content: edit((d) => (d.revision = -1)) },
  { name: 'revision 1.5', codes: ['SCHEMA_TYPE'], at: '/revision', content: edit((d) => (d.revision = 1.5)) },
  { name: 'the revision as text', codes: ['SCHEMA_TYPE'], at: '/revision', content: edit((d) => (d.revision = '1')) },
  { name: 'revision 1e400 (infinity)', codes: ['INEXACT_NUMBER', 'SCHEMA_TYPE'], at: '/revision', content: replaced('revision: 1\n', 'revision: 1e400\n') },
  { name: 'revision .nan', codes: ['SCHEMA_TYPE'], at: '/revision', content: replaced('revision: 1\n', 'revision: .nan\n') },
  { name: 'a revision of 30 digits', codes: ['INEXACT_NUMBER', 'SCHEMA_CONSTRAINT'], at: '/revision', content: replaced('revision: 1\n', 'revision: 123456789012345678901234567890\n') },
  { name: 'a status that is not draft or published', codes: ['SCHEMA_ENUM'], at: '/status', content: edit((d) => (d.status = 'final')) },
  { name: 'the status true', codes: ['SCHEMA_TYPE', 'SCHEMA_ENUM'], at: '/status', content: edit((d) => (d.status = true)) },
  { name: 'a published rubric without a grade rule', codes: ['SCHEMA_REQUIRED'], content: edit((d) => ((d.status = 'published'), delete d.grade, delete d.criteria, delete d.exemptions, delete d.examples)) },
  { name: 'the mission number 0', codes: ['SCHEMA_CONSTRAINT'], at: '/number', content: edit((d) => (d.number = 0)) },
  { name: 'the mission number as text', codes: ['SCHEMA_TYPE'], at: '/number', content: edit((d) => (d.number = '5')) },
  { name: 'the name as a plain string', codes: ['SCHEMA_TYPE'], at: '/name', content: edit((d) => (d.name = 'ทดสอบ')) },
  { name: 'a name without English', codes: ['SCHEMA_REQUIRED'], at: '/name', content: edit((d) => delete d.name.en) },
  { name: 'an empty Thai name', codes: ['SCHEMA_CONSTRAINT'], at: '/name/th', content: edit((d) => (d.name.th = '')) },
  { name: 'a third language in the name', codes: ['SCHEMA_UNKNOWN_PROPERTY'], at: '/name/fr', content: edit((d) => (d.name.fr = 'Essai')) },
  { name: 'the lead unit as a list', codes: ['SCHEMA_TYPE'], at: '/leadUnit', content: edit((d) => (d.leadUnit = ['กอง'])) },

  // ——— Reporting, source and notes ———
  { name: 'reporting without a channel', codes: ['SCHEMA_REQUIRED'], at: '/reporting', content: edit((d) => delete d.reporting.channel) },
  { name: 'rounds that are not a list', codes: ['SCHEMA_TYPE'], at: '/reporting/rounds', content: edit((d) => (d.reporting.rounds = 'monthly')) },
  { name: 'a round without a due date', codes: ['SCHEMA_REQUIRED'], at: '/reporting/rounds/0', content: edit((d) => delete d.reporting.rounds[0].due) },
  { name: 'round 0', codes: ['SCHEMA_CONSTRAINT'], at: '/reporting/rounds/0/round', content: edit((d) => (d.reporting.rounds[0].round = 0)) },
  { name: 'a due date written the Thai way (19/04/2567)', codes: ['SCHEMA_PATTERN'], at: '/reporting/rounds/0/due', content: edit((d) => (d.reporting.rounds[0].due = '19/04/2567')) },
  { name: 'a due time in UTC, not Bangkok', codes: ['SCHEMA_PATTERN'], at: '/reporting/rounds/0/due', content: edit((d) => (d.reporting.rounds[0].due = '2024-04-19T16:30:00Z')) },
  { name: 'a due date of 30 February', codes: ['SCHEMA_CONSTRAINT'], at: '/reporting/rounds/0/due', content: edit((d) => (d.reporting.rounds[0].due = '2024-02-30')) },
  { name: 'a due date in month 13', codes: ['SCHEMA_CONSTRAINT'], at: '/reporting/rounds/0/due', content: edit((d) => (d.reporting.rounds[0].due = '2024-13-01')) },
  { name: 'a due time of 25:00', codes: ['SCHEMA_CONSTRAINT'], at: '/reporting/rounds/0/due', content: edit((d) => (d.reporting.rounds[0].due = '2024-04-19T25:00+07:00')) },
  { name: 'a source date of 31 April', codes: ['SCHEMA_CONSTRAINT'], at: '/source/date', content: edit((d) => (d.source.date = '2024-04-31')) },
  { name: 'source lines that are not line numbers', codes: ['SCHEMA_PATTERN'], at: '/source/lines', content: edit((d) => (d.source.lines = 'a-b')) },
  { name: 'an unknown key in the source', codes: ['SCHEMA_UNKNOWN_PROPERTY'], at: '/source/page', content: edit((d) => (d.source.page = 3)) },
  { name: 'notes that are one string', codes: ['SCHEMA_TYPE'], at: '/notes', content: edit((d) => (d.notes = 'see the letter')) },
  { name: 'a note without English', codes: ['SCHEMA_REQUIRED'], at: '/notes/0', content: edit((d) => delete d.notes[0].en) },

  // ——— Facts ———
  { name: 'facts as a list', codes: ['SCHEMA_TYPE'], at: '/facts', content: edit((d) => (d.facts = Object.entries(d.facts).map(([id, f]) => ({ id, ...(f as Doc) })))) },
  { name: 'a fact id in capitals', codes: ['SCHEMA_PATTERN'], at: '/facts/Count', content: edit((d) => ((d.facts.Count = d.facts.count), delete d.facts.count)) },
  { name: 'a fact id with a hyphen', codes: ['SCHEMA_PATTERN'], at: '/facts/count-all', content: edit((d) => (d.facts['count-all'] = d.facts.done)) },
  { name: 'a fact named toString', codes: ['SCHEMA_PATTERN'], at: '/facts/toString', content: edit((d) => (d.facts.toString = d.facts.done)) },
  { name: 'a fact named hasOwnProperty', codes: ['SCHEMA_PATTERN'], at: '/facts/hasOwnProperty', content: edit((d) => (d.facts.hasOwnProperty = d.facts.done)) },
  { name: 'a fact named score', codes: ['SCHEMA_PATTERN'], at: '/facts/score', content: edit((d) => (d.facts.score = d.facts.done)) },
  { name: 'a fact without a type', codes: ['SCHEMA_REQUIRED', 'SCHEMA_ENUM'], at: '/facts/done', content: edit((d) => delete d.facts.done.type) },
  { name: 'a fact of type float', codes: ['SCHEMA_ENUM'], at: '/facts/done/type', content: edit((d) => (d.facts.done.type = 'float')) },
  { name: 'a fact whose type is a number', codes: ['SCHEMA_TYPE', 'SCHEMA_ENUM'], at: '/facts/done/type', content: edit((d) => (d.facts.done.type = 5)) },
  { name: 'a fact without a label', codes: ['SCHEMA_REQUIRED'], at: '/facts/done', content: edit((d) => delete d.facts.done.label) },
  { name: 'an integer fact with a precision', codes: ['SCHEMA_UNKNOWN_PROPERTY'], at: '/facts/count/precision', content: edit((d) => (d.facts.count.precision = 0)) },
  { name: 'a number fact without a precision', codes: ['SCHEMA_REQUIRED'], at: '/facts/share', content: edit((d) => delete d.facts.share.precision) },
  { name: 'precision 7', codes: ['SCHEMA_CONSTRAINT'], at: '/facts/share/precision', content: edit((d) => (d.facts.share.precision = 7)) },
  { name: 'precision -1', codes: ['SCHEMA_CONSTRAINT'], at: '/facts/share/precision', content: edit((d) => (d.facts.share.precision = -1)) },
  { name: 'precision 2.5', codes: ['SCHEMA_TYPE'], at: '/facts/share/precision', content: edit((d) => (d.facts.share.precision = 2.5)) },
  { name: 'an integer fact\'s minimum of 1.5', codes: ['SCHEMA_TYPE'], at: '/facts/count/min', content: edit((d) => (d.facts.count.min = 1.5)) },
  { name: 'a number fact\'s maximum as text', codes: ['SCHEMA_TYPE'], at: '/facts/share/max', content: edit((d) => (d.facts.share.max = '100')) },
  { name: 'a unit that is neither percent nor Thai and English words', codes: ['SCHEMA_ENUM', 'SCHEMA_TYPE'], at: '/facts/share/unit', content: edit((d) => (d.facts.share.unit = 'percents')) },
  { name: 'better: up', codes: ['SCHEMA_ENUM'], at: '/facts/count/better', content: edit((d) => (d.facts.count.better = 'up')) },
  { name: 'an enum fact without values', codes: ['SCHEMA_REQUIRED'], at: '/facts/kind', content: edit((d) => delete d.facts.kind.values) },
  { name: 'an enum fact with no values', codes: ['SCHEMA_CONSTRAINT'], at: '/facts/kind/values', content: edit((d) => (d.facts.kind.values = [])) },
  { name: 'an enum value with a space', codes: ['SCHEMA_PATTERN'], at: '/facts/kind/values/0/value', content: edit((d) => (d.facts.kind.values[0].value = 'very big')) },
  { name: 'an enum value\'s alias given twice', codes: ['SCHEMA_CONSTRAINT'], at: '/facts/kind/values/0/aliases', content: edit((d) => (d.facts.kind.values[0].aliases = ['ใหญ่', 'ใหญ่'])) },
  { name: 'a catalogue of districts, which there is not', codes: ['SCHEMA_ENUM'], at: '/facts/province/catalog', content: edit((d) => (d.facts.province.catalog = 'district')) },
  { name: 'an empty column alias', codes: ['SCHEMA_CONSTRAINT'], at: '/facts/count/aliases/column/0', content: edit((d) => (d.facts.count.aliases = { column: [''] })) },
  { name: 'a yes-word list that is one string', codes: ['SCHEMA_TYPE'], at: '/facts/done/aliases/yes', content: edit((d) => (d.facts.done.aliases.yes = 'เสร็จ')) },

  // ——— Derived values ———
  { name: 'a ratio without a denominator', codes: ['SCHEMA_REQUIRED'], at: '/derived/perCount', content: edit((d) => delete d.derived.perCount.denominator) },
  { name: 'a ratio over an undeclared fact', codes: ['UNDECLARED_FACT'], at: '/derived/perCount/denominator', content: edit((d) => (d.derived.perCount.denominator = 'counts')) },
  { name: 'a ratio of a yes/no fact', codes: ['TYPE_MISMATCH'], at: '/derived/perCount/numerator', content: edit((d) => (d.derived.perCount.numerator = 'done')) },
  { name: 'a ratio with multiplier 0', codes: ['SCHEMA_CONSTRAINT'], at: '/derived/perCount/multiplier', content: edit((d) => (d.derived.perCount.multiplier = 0)) },
  { name: 'a derived value named as a fact is', codes: ['DUPLICATE_ID'], at: '/derived/count', content: edit((d) => (d.derived.count = d.derived.perCount)) },
  { name: 'a derived value of type sum', codes: ['SCHEMA_ENUM'], at: '/derived/perCount/type', content: edit((d) => (d.derived.perCount.type = 'sum')) },
  { name: 'a count of true facts over no facts', codes: ['SCHEMA_CONSTRAINT'], at: '/derived/doneCount/facts', content: edit((d) => (d.derived.doneCount = { type: 'countTrue', label: label('Done count'), facts: [] })) },
  { name: 'a count of true facts over a number', codes: ['TYPE_MISMATCH'], at: '/derived/doneCount/facts/0', content: edit((d) => (d.derived.doneCount = { type: 'countTrue', label: label('Done count'), facts: ['count'] })) },

  // ——— Named conditions ———
  { name: 'an operator json-rules-engine does not have', codes: ['UNKNOWN_OPERATOR'], at: '/conditions/busy/operator', content: edit((d) => (d.conditions.busy.operator = 'contains')) },
  { name: 'a condition on an undeclared fact', codes: ['UNDECLARED_FACT'], at: '/conditions/busy/fact', content: edit((d) => (d.conditions.busy.fact = 'counts')) },
  { name: 'greaterThan on a yes/no fact', codes: ['TYPE_MISMATCH'], at: '/conditions/busy/operator', content: edit((d) => (d.conditions.busy = { fact: 'done', operator: 'greaterThan', value: 3 })) },
  { name: 'greaterThan with text', codes: ['TYPE_MISMATCH'], at: '/conditions/busy/value', content: edit((d) => (d.conditions.busy.value = 'three')) },
  { name: 'in with one value, not a list', codes: ['TYPE_MISMATCH'], at: '/conditions/busy/value', content: edit((d) => (d.conditions.busy = { fact: 'kind', operator: 'in', value: 'big' })) },
  { name: 'an enum compared with a value it does not have', codes: ['TYPE_MISMATCH'], at: '/conditions/busy/value', content: edit((d) => (d.conditions.busy = { fact: 'kind', operator: 'equal', value: 'huge' })) },
  { name: 'a condition on a province spelt in English', codes: ['UNKNOWN_PROVINCE'], at: '/conditions/busy/value', content: edit((d) => (d.conditions.busy = { fact: 'province', operator: 'equal', value: 'Lampang' })) },
  { name: 'a condition whose value is a mapping', codes: ['SCHEMA_TYPE'], at: '/conditions/busy/value', content: edit((d) => (d.conditions.busy.value = { gt: 3 })) },
  { name: 'all of nothing', codes: ['SCHEMA_CONSTRAINT'], at: '/conditions/busy/all', content: edit((d) => (d.conditions.busy = { all: [] })) },
  { name: 'a condition with a stray key', codes: ['SCHEMA_UNKNOWN_PROPERTY'], at: '/conditions/busy/path', content: edit((d) => (d.conditions.busy.path = '$.x')) },
  { name: 'a reference to a condition nobody named', codes: ['UNKNOWN_CONDITION'], at: '/conditions/late/not/condition', content: edit((d) => (d.conditions.late = { not: { condition: 'bussy' } })) },
  { name: 'a condition that refers to itself', codes: ['CONDITION_CYCLE'], at: '/conditions/busy', content: edit((d) => (d.conditions.busy = { any: [{ condition: 'busy' }, d.conditions.busy] })) },
  {
    name: `a chain of named conditions deeper than ${MAX_CONDITION_DEPTH}`,
    codes: ['CONDITION_DEPTH'],
    at: '/conditions/c0',
    content: edit((d) => {
      for (let i = 0; i < MAX_CONDITION_DEPTH + 10; i++) d.conditions[`c${i}`] = { condition: `c${i + 1}` };
      d.conditions[`c${MAX_CONDITION_DEPTH + 10}`] = d.conditions.busy;
    }),
  },

  // ——— Criteria and bands ———
  { name: 'criteria as a mapping', codes: ['SCHEMA_TYPE'], at: '/criteria', content: edit((d) => (d.criteria = { countLevel: d.criteria[0] })) },
  { name: 'a criterion without bands', codes: ['SCHEMA_REQUIRED'], at: '/criteria/0', content: edit((d) => delete d.criteria[0].bands) },
  { name: 'a criterion with no bands', codes: ['SCHEMA_CONSTRAINT'], at: '/criteria/0/bands', content: edit((d) => (d.criteria[0].bands = [])) },
  { name: 'two criteria with one id', codes: ['DUPLICATE_ID'], at: '/criteria/1/id', content: edit((d) => (d.criteria[0].id = 'shareLevel')) },
  { name: 'a criterion id in capitals', codes: ['SCHEMA_PATTERN'], at: '/criteria/0/id', content: edit((d) => (d.criteria[0].id = 'CountLevel')) },
  { name: 'a criterion on an undeclared fact', codes: ['UNDECLARED_FACT'], at: '/criteria/0/input', content: edit((d) => (d.criteria[0].input = 'counts')) },
  { name: 'a criterion banding a yes/no fact', codes: ['TYPE_MISMATCH'], at: '/criteria/0/input', content: edit((d) => (d.criteria[0].input = 'done')) },
  { name: 'a band operator ≥ (not >=)', codes: ['UNKNOWN_OPERATOR'], at: '/criteria/0/bands/0/op', content: edit((d) => (d.criteria[0].bands[0].op = '≥')) },
  { name: 'a band without an operator', codes: ['SCHEMA_REQUIRED'], at: '/criteria/0/bands/0', content: edit((d) => delete d.criteria[0].bands[0].op) },
  { name: 'between with one number', codes: ['BAND_RANGE'], at: '/criteria/1/bands/0/value', content: edit((d) => (d.criteria[1].bands[0].value = 50)) },
  { name: 'between with its ends reversed', codes: ['BAND_RANGE'], at: '/criteria/1/bands/0/value', content: edit((d) => (d.criteria[1].bands[0].value = [100, 50])) },
  { name: '>= with a range', codes: ['BAND_RANGE'], at: '/criteria/0/bands/0/value', content: edit((d) => (d.criteria[0].bands[0].value = [5, 10])) },
  { name: 'a band value of three numbers', codes: ['SCHEMA_TYPE', 'SCHEMA_CONSTRAINT'], at: '/criteria/1/bands/0/value', content: edit((d) => (d.criteria[1].bands[0].value = [50, 75, 100])) },
  { name: 'a band value as text', codes: ['SCHEMA_TYPE'], at: '/criteria/0/bands/0/value', content: edit((d) => (d.criteria[0].bands[0].value = '5')) },
  { name: 'a band value of 1e400', codes: ['INEXACT_NUMBER', 'SCHEMA_TYPE'], at: '/criteria/0/bands/0/value', content: replaced('value: 5\n', 'value: 1e400\n') },
  { name: 'a band value of -.inf', codes: ['SCHEMA_TYPE'], at: '/criteria/0/bands/0/value', content: replaced('value: 5\n', 'value: -.inf\n') },
  { name: 'a band value of .nan', codes: ['SCHEMA_TYPE'], at: '/criteria/0/bands/0/value', content: replaced('value: 5\n', 'value: .NaN\n') },
  { name: 'level E', codes: ['SCHEMA_ENUM'], at: '/criteria/0/bands/0/level', content: edit((d) => (d.criteria[0].bands[0].level = 'E')) },
  { name: 'level a in lower case', codes: ['SCHEMA_ENUM'], at: '/criteria/0/bands/0/level', content: edit((d) => (d.criteria[0].bands[0].level = 'a')) },
  { name: 'a band that gives neither a level nor points', codes: ['BAND_TARGET'], at: '/criteria/0/bands/1', content: edit((d) => delete d.criteria[0].bands[1].level) },
  { name: 'points among levels under the worst rule', codes: ['BAND_TARGET', 'BAND_MIXED'], at: '/criteria/0/bands', content: edit((d) => (d.criteria[0].bands[1] = { points: 1, op: '<', value: 5 })) },
  { name: 'another table without its source', codes: ['SCHEMA_REQUIRED'], at: '/criteria/0/otherTables/0', content: edit((d) => (d.criteria[0].otherTables = [{ bands: d.criteria[0].bands }])) },

  // ——— Exemptions, score and the grade rule ———
  { name: 'an exemption of a criterion that does not exist', codes: ['UNKNOWN_CRITERION'], at: '/exemptions/0/notApplicable/0', content: edit((d) => (d.exemptions[0].notApplicable = ['shareLvl'])) },
  { name: 'an exemption of nothing', codes: ['SCHEMA_CONSTRAINT'], at: '/exemptions/0/notApplicable', content: edit((d) => (d.exemptions[0].notApplicable = [])) },
  { name: 'an exemption for a province spelt with จ.', codes: ['UNKNOWN_PROVINCE'], at: '/exemptions/0/when/value/0', content: edit((d) => (d.exemptions[0].when.value = ['จ.เชียงใหม่'])) },
  { name: 'a score by median', codes: ['SCHEMA_ENUM'], at: '/score/method', content: edit((d) => (SCORED(d), (d.score.method = 'median'))) },
  { name: 'a score without a label', codes: ['SCHEMA_REQUIRED'], at: '/score', content: edit((d) => (SCORED(d), delete d.score.label)) },
  { name: 'points with no score to add them up', codes: ['BAND_TARGET', 'UNDECLARED_FACT'], at: '/criteria', content: edit((d) => (SCORED(d), delete d.score)) },
  { name: 'a score with no criteria', codes: ['BAND_TARGET'], at: '/score', content: edit((d) => (SCORED(d), delete d.criteria, delete d.exemptions)) },
  { name: 'a grade rule of type average', codes: ['SCHEMA_ENUM'], at: '/grade/type', content: edit((d) => (d.grade = { type: 'average' })) },
  { name: 'a grade rule without a type', codes: ['SCHEMA_REQUIRED', 'SCHEMA_ENUM'], at: '/grade', content: edit((d) => (d.grade = {})) },
  { name: 'the worst rule with an input', codes: ['SCHEMA_UNKNOWN_PROPERTY'], at: '/grade/input', content: edit((d) => (d.grade.input = 'count')) },
  { name: 'the worst rule with no criteria', codes: ['BAND_TARGET'], at: '/grade', content: edit((d) => (delete d.criteria, delete d.exemptions)) },
  { name: 'bands over an undeclared value', codes: ['UNDECLARED_FACT'], at: '/grade/input', content: edit((d) => (SCORED(d), (d.grade.input = 'scores'))) },
  { name: 'bands over a yes/no fact', codes: ['TYPE_MISMATCH'], at: '/grade/input', content: edit((d) => (SCORED(d), delete d.score, delete d.criteria, delete d.exemptions, (d.grade.input = 'done'))) },
  { name: 'grade bands that give points', codes: ['BAND_TARGET'], at: '/grade/bands/0', content: edit((d) => (SCORED(d), (d.grade.bands[0] = { points: 3, op: '>=', value: 3 }), (d.grade.bands[1] = { points: 0, op: '<', value: 3 }))) },
  { name: 'a ladder with no rows', codes: ['SCHEMA_CONSTRAINT'], at: '/grade/rows', content: edit(LADDER([])) },
  { name: 'a ladder row at level F', codes: ['SCHEMA_ENUM'], at: '/grade/rows/0/level', content: edit(LADDER([{ level: 'F', when: { condition: 'busy' } }])) },
  { name: 'a ladder row without a condition', codes: ['SCHEMA_REQUIRED'], at: '/grade/rows/0', content: edit(LADDER([{ level: 'A' }])) },
  { name: 'a ladder floor of Z', codes: ['SCHEMA_ENUM'], at: '/grade/floor', content: edit(LADDER([{ level: 'A', when: { condition: 'busy' } }], { floor: 'Z' })) },
  { name: 'a ladder row on an undeclared fact', codes: ['UNDECLARED_FACT'], at: '/grade/rows/0/when/fact', content: edit(LADDER([{ level: 'A', when: { fact: 'dnoe', operator: 'equal', value: true } }])) },
  { name: 'a ladder row naming a province the catalogue does not know', codes: ['UNKNOWN_PROVINCE'], at: '/grade/rows/0/when/value/1', content: edit(LADDER([{ level: 'A', when: { fact: 'province', operator: 'notIn', value: ['ลำปาง', 'เมืองพัทยา'] } }])) },
  { name: 'a truth table over a number', codes: ['TYPE_MISMATCH'], at: '/grade/columns/0', content: edit(TRUTH(['count'], [{ level: 'A', values: [true] }])) },
  { name: 'a truth table over an undeclared fact', codes: ['UNDECLARED_FACT'], at: '/grade/columns/0', content: edit(TRUTH(['finished'], [{ level: 'A', values: [true] }])) },
  { name: 'a truth-table row of the wrong length', codes: ['TRUTH_TABLE_SHAPE'], at: '/grade/rows/0/values', content: edit(TRUTH(['done', 'kind'], [{ level: 'A', values: [true] }])) },
  { name: 'a truth-table value the enum does not have', codes: ['TYPE_MISMATCH'], at: '/grade/rows/0/values/1', content: edit(TRUTH(['done', 'kind'], [{ level: 'A', values: [true, 'huge'] }])) },
  { name: 'a truth-table value that is a number', codes: ['SCHEMA_TYPE'], at: '/grade/rows/0/values/0', content: edit(TRUTH(['done'], [{ level: 'A', values: [1] }])) },

  // ——— Examples ———
  { name: 'an example expecting level E', codes: ['SCHEMA_ENUM'], at: '/examples/0/expect', content: edit((d) => (d.examples[0].expect = 'E')) },
  { name: 'an example with no expectation', codes: ['SCHEMA_REQUIRED'], at: '/examples/0', content: edit((d) => delete d.examples[0].expect) },
  { name: 'an example with an empty name', codes: ['SCHEMA_CONSTRAINT'], at: '/examples/0/name', content: edit((d) => (d.examples[0].name = '')) },
  { name: 'an example naming an undeclared fact', codes: ['UNDECLARED_FACT'], at: '/examples/0/facts/cuont', content: edit((d) => (d.examples[0].facts.cuont = 5)) },
  { name: 'an example fact given a list', codes: ['SCHEMA_TYPE'], at: '/examples/0/facts/count', content: edit((d) => (d.examples[0].facts.count = [5])) },
];

const THAI = /[\u0E00-\u0E7F]/;
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** `rubric …` run in this process. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void) => new Writable({ write: (chunk, _enc, done) => (append(String(chunk)), done()) }) as never;
  const code = await main(args, sink((s) => (stdout += s)), sink((s) => (stderr += s)));
  return { code, stdout, stderr };
}

describe('the base rubric the cases take apart', () => {
  let root: string;
  beforeAll(() => {
    root = join(work, 'base');
    mkdirSync(join(root, PERIOD), { recursive: true });
    writeFileSync(join(root, PERIOD, 'test.yaml'), stringify(BASE));
  });
  it('is valid, compiles and grades, so that each case is bad only by what it changes', async () => {
    const stored = readRubricFile(join(root, PERIOD, 'test.yaml'));
    expect(stored.diagnostics).toEqual([]);
    expect(stored.compiled).toBeDefined();
    const run = await cli('grade', 'test', '--period', PERIOD, '--rubrics', root, '--data', data, '--format', 'json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).results.map((r: { grade: string }) => r.grade)).toEqual(['A']);
  });
});

describe('bad rubric files', () => {
  const folderOf = (index: number) => join(work, `case-${index}`);
  const pathOf = (c: Case, index: number) => join(folderOf(index), PERIOD, c.file ?? 'test.yaml');
  const digests: string[] = [];
  /** `rubric validate` over every case's file at once: its exit code and the lines it printed. */
  let validate: { code: number; lines: string[] };

  beforeAll(async () => {
    cases.forEach((c, index) => {
      mkdirSync(join(folderOf(index), PERIOD), { recursive: true });
      writeFileSync(pathOf(c, index), c.content);
      digests[index] = sha(pathOf(c, index));
    });
    const run = await cli('validate', ...cases.map(pathOf));
    validate = { code: run.code, lines: run.stdout.split('\n') };
  });

  it('are distinct cases, and rubric validate refuses them all with exit 1', () => {
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
    expect(new Set(cases.map((c) => (typeof c.content === 'string' ? c.content : Buffer.from(c.content).toString('base64')))).size).toBe(cases.length);
    expect(validate.code).toBe(1);
    expect(validate.lines.at(-2)).toMatch(new RegExp(`^${cases.length} files checked: \\d+ errors`));
  });

  cases.forEach((c, index) => {
    it(`${c.name}: ${c.codes.join(', ')}`, async () => {
      const root = folderOf(index);
      const file = c.file ?? 'test.yaml';
      const path = pathOf(c, index);

      // Read as the CLI and the store read it: no rubric, exactly the codes named, in both languages.
      const stored = readRubricFile(path);
      expect(stored.rubric).toBeUndefined();
      expect(stored.compiled).toBeUndefined();
      const errors = stored.diagnostics.filter((d) => d.severity === 'error');
      expect([...new Set(errors.map((d) => d.code))].sort()).toEqual([...new Set(c.codes)].sort());
      if (c.at !== undefined) expect(errors.map((d) => d.where.pointer)).toContain(c.at);
      for (const d of stored.diagnostics) {
        expect(d.message.th).toMatch(THAI);
        expect(d.message.en).toMatch(/[a-z]{3}/);
        expect(d.where.line).toBeGreaterThanOrEqual(1);
      }

      // rubric validate named the file with each code.
      const printed = validate.lines.filter((line) => line.startsWith(`${stored.file}:`));
      for (const code of c.codes) expect(printed.some((line) => line.includes(` error ${code}`))).toBe(true);

      // rubric grade: exit 1, said on stderr, nothing written.
      const out = join(root, 'results.xlsx');
      const mission = file.replace(/\.yaml$/, '');
      const grade = await cli('grade', mission, '--period', PERIOD, '--rubrics', root, '--data', data, '--out', out);
      expect(grade.code).toBe(1);
      expect(grade.stderr).toContain('is not valid');
      expect(grade.stdout).toBe('');
      expect(existsSync(out)).toBe(false);

      // The file is as the case wrote it, alone in its folder.
      expect(sha(path)).toBe(digests[index]);
      expect(readdirSync(join(root, PERIOD))).toEqual([file]);
      expect(readdirSync(root)).toEqual([PERIOD]);
    });
  });
});
