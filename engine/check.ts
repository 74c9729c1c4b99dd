import { own } from './own.js';
import { isNumeric, valueCatalog, type ValueInfo } from './catalog.js';
import { describeValue, type DiagnosticCode, type Severity } from './diagnostics.js';
import { toPointer } from './positions.js';
import { provinceByName, resolveProvince } from './provinces.js';
import { closestName } from './suggest.js';
import { parseIsoDate } from './thai-date.js';
import type { Band, Condition, Rubric, Text } from './types.js';

/** A problem in a schema-valid rubric's meaning, before it is given a place in the file. */
export interface Problem {
  code: DiagnosticCode;
  message: Text;
  path: string;
  atKey?: boolean;
  severity?: Severity;
  expected?: string;
  received?: string;
}

const NUMERIC_OPERATORS = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);

/**
 * Checks what the schema cannot: that every name refers to something declared, that comparisons
 * fit the value's type, and that bands, tables and the grade rule fit together.
 */
export function checkRubric(rubric: Rubric, options: { expectedMission?: string; expectedPeriod?: string } = {}): Problem[] {
  const problems: Problem[] = [];
  const catalog = valueCatalog(rubric);
  const facts = rubric.facts ?? {};
  const criteria = rubric.criteria ?? [];
  const criterionIds = criteria.map((c) => c.id);

  if (options.expectedMission && rubric.mission !== options.expectedMission) {
    problems.push({
      code: 'MISSION_MISMATCH',
      path: '/mission',
      message: {
        th: `รหัสภารกิจ "${rubric.mission}" ไม่ตรงกับชื่อไฟล์ "${options.expectedMission}"`,
        en: `mission "${rubric.mission}" does not match the file name "${options.expectedMission}"`,
      },
      expected: options.expectedMission,
      received: rubric.mission,
    });
  }
  if (options.expectedPeriod && rubric.period !== options.expectedPeriod) {
    problems.push({
      code: 'PERIOD_MISMATCH',
      path: '/period',
      message: {
        th: `ไตรมาส "${rubric.period}" ไม่ตรงกับโฟลเดอร์ "${options.expectedPeriod}"`,
        en: `period "${rubric.period}" does not match its folder "${options.expectedPeriod}"`,
      },
      expected: options.expectedPeriod,
      received: rubric.period,
    });
  }
  // The schema checks a due date's shape; the calendar decides whether it is a day (no 30 February) and a time.
  rubric.reporting.rounds.forEach((round, i) => {
    const time = /T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(round.due);
    const timeOk = !time || (Number(time[1]) <= 23 && Number(time[2]) <= 59 && Number(time[3] ?? 0) <= 59);
    if (parseIsoDate(round.due) && timeOk) return;
    problems.push({
      code: 'SCHEMA_CONSTRAINT',
      path: `/reporting/rounds/${i}/due`,
      message: {
        th: `กำหนดส่ง "${round.due}" ไม่ใช่วันที่หรือเวลาที่มีจริง`,
        en: `the due date "${round.due}" is not a real date and time`,
      },
      expected: 'a calendar date (YYYY-MM-DD), optionally with a time of day',
      received: round.due,
    });
  });
  if (rubric.status === 'published' && !rubric.grade) {
    problems.push({
      code: 'SCHEMA_REQUIRED',
      path: '',
      message: { th: 'เกณฑ์ที่เผยแพร่ต้องมี grade', en: 'a published rubric needs a grade rule' },
      expected: 'grade',
    });
  }

  const undeclared = (id: string, path: string, wanted = 'a declared fact or derived value'): void => {
    const hint = closestName(id, [...catalog.keys()]);
    problems.push({
      code: 'UNDECLARED_FACT',
      path,
      message: {
        th: `"${id}" ไม่ใช่ข้อมูลที่ประกาศไว้${hint ? ` หมายถึง "${hint}" หรือไม่` : ''}`,
        en: `"${id}" is not a declared fact${hint ? `; did you mean "${hint}"?` : ''}`,
      },
      expected: wanted,
      received: id,
    });
  };
  const mismatch = (path: string, th: string, en: string, expected: string, received: string): void => {
    problems.push({ code: 'TYPE_MISMATCH', path, message: { th, en }, expected, received });
  };

  // Derived values refer to facts of the right type.
  for (const [id, derived] of Object.entries(rubric.derived ?? {})) {
    const at = toPointer(['derived', id]);
    if (own(facts, id)) {
      problems.push({
        code: 'DUPLICATE_ID',
        path: at,
        atKey: true,
        message: { th: `"${id}" ซ้ำกับข้อมูลนำเข้า`, en: `"${id}" is already a fact` },
        received: id,
      });
    }
    const operands =
      derived.type === 'ratio'
        ? [
            { id: derived.numerator, path: `${at}/numerator`, want: 'numeric' },
            { id: derived.denominator, path: `${at}/denominator`, want: 'numeric' },
          ]
        : derived.facts.map((f, i) => ({ id: f, path: `${at}/facts/${i}`, want: 'boolean' }));
    for (const operand of operands) {
      const fact = own(facts, operand.id);
      if (!fact) {
        undeclared(operand.id, operand.path, 'a declared fact');
        continue;
      }
      const ok = operand.want === 'boolean' ? fact.type === 'boolean' : fact.type === 'number' || fact.type === 'integer';
      if (!ok) {
        mismatch(
          operand.path,
          `"${operand.id}" เป็นชนิด ${fact.type} แต่ต้องเป็น ${operand.want === 'boolean' ? 'boolean' : 'ตัวเลข'}`,
          `"${operand.id}" is ${fact.type}, expected ${operand.want === 'boolean' ? 'boolean' : 'a number or integer'}`,
          operand.want,
          fact.type,
        );
      }
    }
  }

  // Named conditions: every reference resolves and none refers to itself through others.
  const conditions = rubric.conditions ?? {};
  const checkCondition = (condition: Condition, path: string): void => {
    if ('all' in condition) condition.all.forEach((c, i) => checkCondition(c, `${path}/all/${i}`));
    else if ('any' in condition) condition.any.forEach((c, i) => checkCondition(c, `${path}/any/${i}`));
    else if ('not' in condition) checkCondition(condition.not, `${path}/not`);
    else if ('condition' in condition) {
      if (!Object.hasOwn(conditions, condition.condition)) {
        const hint = closestName(condition.condition, Object.keys(conditions));
        problems.push({
          code: 'UNKNOWN_CONDITION',
          path: `${path}/condition`,
          message: {
            th: `ไม่มีเงื่อนไขชื่อ "${condition.condition}"${hint ? ` หมายถึง "${hint}" หรือไม่` : ''}`,
            en: `no condition is named "${condition.condition}"${hint ? `; did you mean "${hint}"?` : ''}`,
          },
          expected: Object.keys(conditions).join(', ') || 'a name under conditions',
          received: condition.condition,
        });
      }
    } else {
      const info = catalog.get(condition.fact);
      if (!info || info.origin === 'score') {
        undeclared(condition.fact, `${path}/fact`);
        return;
      }
      checkComparison(info, condition.operator, condition.value, path, mismatch);
      if (info.catalog === 'province') checkProvinces(condition.value, `${path}/value`, problems);
    }
  };
  for (const [name, condition] of Object.entries(conditions)) checkCondition(condition, toPointer(['conditions', name]));
  const graph = referenceGraph(conditions);
  const depthOf = conditionDepths(conditions, graph);
  const tooDeep = (condition: Condition, path: string, atKey = false): void => {
    const depth = depthOf(condition);
    if (depth <= MAX_CONDITION_DEPTH) return;
    problems.push({
      code: 'CONDITION_DEPTH',
      path,
      atKey,
      message: {
        th: `เงื่อนไขซ้อนกันลึก ${depth} ชั้น (นับรวมเงื่อนไขที่ตั้งชื่อซึ่งอ้างถึง) เกินที่รับได้ ${MAX_CONDITION_DEPTH} ชั้น`,
        en: `the condition nests ${depth} levels deep, counting the named conditions it uses; at most ${MAX_CONDITION_DEPTH} are accepted`,
      },
      expected: `at most ${MAX_CONDITION_DEPTH} levels`,
      received: `${depth} levels`,
    });
  };
  for (const [name, condition] of Object.entries(conditions)) tooDeep(condition, toPointer(['conditions', name]), true);
  for (const [name, cycle] of conditionCycles(conditions, graph)) {
    const shown = cycleText(cycle);
    problems.push({
      code: 'CONDITION_CYCLE',
      path: toPointer(['conditions', name]),
      atKey: true,
      message: {
        th: `เงื่อนไขอ้างถึงตัวเองเป็นวง: ${shown}`,
        en: `conditions refer to each other in a cycle: ${shown}`,
      },
      received: shown,
    });
  }

  // Criteria: unique ids, numeric inputs, consistent bands.
  const seen = new Set<string>();
  criteria.forEach((criterion, i) => {
    const at = `/criteria/${i}`;
    if (seen.has(criterion.id)) {
      problems.push({
        code: 'DUPLICATE_ID',
        path: `${at}/id`,
        message: { th: `รหัสตัวชี้วัด "${criterion.id}" ซ้ำ`, en: `criterion id "${criterion.id}" is used twice` },
        received: criterion.id,
      });
    }
    seen.add(criterion.id);
    const info = catalog.get(criterion.input);
    if (!info || info.origin === 'score') undeclared(criterion.input, `${at}/input`);
    else if (!isNumeric(info)) {
      mismatch(
        `${at}/input`,
        `ช่วงค่าใช้ได้กับตัวเลขเท่านั้น แต่ "${criterion.input}" เป็น ${info.type}`,
        `bands need a number, but "${criterion.input}" is ${info.type}`,
        'a number or integer',
        info.type,
      );
    }
    const target = rubric.grade?.type === 'worst' ? 'level' : 'points';
    checkBands(criterion.bands, `${at}/bands`, target, problems);
    criterion.otherTables?.forEach((table, t) => checkBands(table.bands, `${at}/otherTables/${t}/bands`, target, problems));
  });

  // Exemptions.
  (rubric.exemptions ?? []).forEach((exemption, i) => {
    checkCondition(exemption.when, `/exemptions/${i}/when`);
    tooDeep(exemption.when, `/exemptions/${i}/when`);
    exemption.notApplicable.forEach((id, k) => {
      if (!criterionIds.includes(id)) {
        problems.push({
          code: 'UNKNOWN_CRITERION',
          path: `/exemptions/${i}/notApplicable/${k}`,
          message: { th: `ไม่มีตัวชี้วัดรหัส "${id}"`, en: `no criterion has the id "${id}"` },
          expected: criterionIds.join(', '),
          received: id,
        });
      }
    });
  });

  // The score and the grade rule.
  if (rubric.score && criteria.length === 0) {
    problems.push({
      code: 'BAND_TARGET',
      path: '/score',
      message: { th: 'คะแนนรวมต้องมีตัวชี้วัด', en: 'a score needs criteria to combine' },
      expected: 'criteria',
    });
  }
  const grade = rubric.grade;
  if (grade?.type === 'worst' && criteria.length === 0) {
    problems.push({
      code: 'BAND_TARGET',
      path: '/grade',
      message: { th: 'แบบ worst ต้องมีตัวชี้วัด', en: 'a worst grade needs criteria' },
      expected: 'criteria',
    });
  }
  if (grade?.type !== 'worst' && criteria.length > 0 && !rubric.score) {
    problems.push({
      code: 'BAND_TARGET',
      path: '/criteria',
      message: {
        th: 'ตัวชี้วัดที่ให้คะแนนต้องมี score เพื่อรวมคะแนน',
        en: 'criteria that give points need a score to combine them',
      },
      expected: 'score',
    });
  }
  if (grade?.type === 'bands') {
    const info = catalog.get(grade.input);
    if (!info) undeclared(grade.input, '/grade/input', 'score, or a declared fact or derived value');
    else if (!isNumeric(info)) {
      mismatch('/grade/input', `"${grade.input}" ไม่ใช่ตัวเลข`, `"${grade.input}" is not a number`, 'a number', info.type);
    }
    checkBands(grade.bands, '/grade/bands', 'level', problems);
  } else if (grade?.type === 'ladder') {
    grade.rows.forEach((row, i) => {
      checkCondition(row.when, `/grade/rows/${i}/when`);
      tooDeep(row.when, `/grade/rows/${i}/when`);
    });
  } else if (grade?.type === 'truthTable') {
    const columns = grade.columns.map((id, i) => {
      const info = catalog.get(id);
      if (!info || info.origin !== 'fact') undeclared(id, `/grade/columns/${i}`, 'a declared boolean or enum fact');
      else if (info.type !== 'boolean' && info.type !== 'enum') {
        mismatch(`/grade/columns/${i}`, `"${id}" ต้องเป็น boolean หรือ enum`, `"${id}" must be boolean or enum`, 'boolean or enum', info.type);
      }
      return info;
    });
    grade.rows.forEach((row, i) => {
      if (row.values.length !== grade.columns.length) {
        problems.push({
          code: 'TRUTH_TABLE_SHAPE',
          path: `/grade/rows/${i}/values`,
          message: {
            th: `แถวมี ${row.values.length} ค่า แต่ตารางมี ${grade.columns.length} คอลัมน์`,
            en: `the row has ${row.values.length} values but the table has ${grade.columns.length} columns`,
          },
          expected: String(grade.columns.length),
          received: String(row.values.length),
        });
        return;
      }
      row.values.forEach((value, k) => {
        const info = columns[k];
        if (info && !fitsValue(info, value)) {
          mismatch(
            `/grade/rows/${i}/values/${k}`,
            `ค่า ${describeValue(value, 'th')} ไม่ตรงกับชนิดของ "${info.id}"`,
            `${describeValue(value)} does not fit "${info.id}" (${info.type})`,
            info.enumValues ? info.enumValues.join(', ') : info.type,
            describeValue(value),
          );
        }
      });
    });
  }

  // Examples name only declared facts.
  (rubric.examples ?? []).forEach((example, i) => {
    for (const id of Object.keys(example.facts)) {
      if (id !== 'id' && !own(facts, id)) undeclared(id, toPointer(['examples', i, 'facts', id]), 'a declared fact');
    }
  });
  return problems;
}

/**
 * A province a condition names must be written as the catalogue writes it: anything else would be
 * a condition that silently never matches (an exemption list with "จ.น่าน" in it).
 */
function checkProvinces(value: unknown, path: string, problems: Problem[]): void {
  const names = Array.isArray(value) ? value.map((v, i) => [v, `${path}/${i}`] as const) : [[value, path] as const];
  for (const [name, at] of names) {
    if (typeof name !== 'string' || provinceByName(name)) continue;
    const found = resolveProvince(name);
    const hint = 'province' in found ? found.province.th : found.suggestion?.th;
    problems.push({
      code: 'UNKNOWN_PROVINCE',
      path: at,
      message: {
        th: `"${name}" ไม่ใช่ชื่อจังหวัดตามทะเบียนจังหวัด${hint ? ` หมายถึง "${hint}" หรือไม่` : ''}`,
        en: `"${name}" is not a province name as the province catalogue writes it${hint ? `; did you mean "${hint}"?` : ''}`,
      },
      expected: hint ?? 'a province name from the catalogue',
      received: name,
    });
  }
}

function checkComparison(
  info: ValueInfo,
  operator: string,
  value: unknown,
  path: string,
  mismatch: (path: string, th: string, en: string, expected: string, received: string) => void,
): void {
  if (NUMERIC_OPERATORS.has(operator)) {
    if (!isNumeric(info)) {
      mismatch(`${path}/operator`, `ใช้ ${operator} กับ "${info.id}" (${info.type}) ไม่ได้`, `${operator} cannot compare "${info.id}" (${info.type})`, 'a number or integer fact', info.type);
    } else if (typeof value !== 'number') {
      mismatch(`${path}/value`, `${operator} ต้องเทียบกับตัวเลข`, `${operator} needs a number`, 'a number', describeValue(value));
    }
    return;
  }
  if (operator === 'in' || operator === 'notIn') {
    if (!Array.isArray(value)) {
      mismatch(`${path}/value`, `${operator} ต้องเทียบกับรายการ`, `${operator} needs a list`, 'a list', describeValue(value));
      return;
    }
    value.forEach((v, i) => {
      if (!fitsValue(info, v)) {
        mismatch(`${path}/value/${i}`, `ค่า ${describeValue(v, 'th')} ไม่ตรงกับชนิดของ "${info.id}"`, `${describeValue(v)} does not fit "${info.id}" (${info.type})`, info.enumValues?.join(', ') ?? info.type, describeValue(v));
      }
    });
    return;
  }
  if (!fitsValue(info, value)) {
    mismatch(`${path}/value`, `ค่า ${describeValue(value, 'th')} ไม่ตรงกับชนิดของ "${info.id}"`, `${describeValue(value)} does not fit "${info.id}" (${info.type})`, info.enumValues?.join(', ') ?? info.type, describeValue(value));
  }
}

function fitsValue(info: ValueInfo, value: unknown): boolean {
  switch (info.type) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
    case 'number':
      return typeof value === 'number';
    case 'enum':
      return typeof value === 'string' && (info.enumValues ?? []).includes(value);
    case 'string':
      return typeof value === 'string';
  }
}

function checkBands(bands: Band[], path: string, target: 'level' | 'points', problems: Problem[]): void {
  bands.forEach((band, i) => {
    const at = `${path}/${i}`;
    const hasLevel = band.level !== undefined;
    const hasPoints = band.points !== undefined;
    const wanted = target === 'level' ? hasLevel && !hasPoints : hasPoints && !hasLevel;
    if (!wanted) {
      problems.push({
        code: 'BAND_TARGET',
        path: at,
        message:
          target === 'level'
            ? { th: 'ช่วงนี้ต้องให้ระดับ (level) อย่างเดียว', en: 'this band must give a level (and no points)' }
            : { th: 'ช่วงนี้ต้องให้คะแนน (points) อย่างเดียว', en: 'this band must give points (and no level)' },
        expected: target,
        received: [hasLevel ? 'level' : '', hasPoints ? 'points' : ''].filter(Boolean).join(' and ') || 'neither',
      });
    }
    if (band.op === 'between') {
      if (!Array.isArray(band.value) || band.value[0] > band.value[1]) {
        problems.push({
          code: 'BAND_RANGE',
          path: `${at}/value`,
          message: {
            th: `between ต้องเป็น [ต่ำ, สูง] โดยต่ำไม่เกินสูง ได้ ${describeValue(band.value, 'th')}`,
            en: `between needs [low, high] with low <= high, received ${describeValue(band.value)}`,
          },
          expected: '[low, high]',
          received: describeValue(band.value),
        });
      }
    } else if (Array.isArray(band.value)) {
      problems.push({
        code: 'BAND_RANGE',
        path: `${at}/value`,
        message: {
          th: `${band.op} ต้องเทียบกับตัวเลขเดียว ได้ ${describeValue(band.value, 'th')}`,
          en: `${band.op} needs one number, received ${describeValue(band.value)}`,
        },
        expected: 'a number',
        received: describeValue(band.value),
      });
    }
  });
  const mixed = bands.some((b) => b.level !== undefined) && bands.some((b) => b.points !== undefined);
  if (mixed) {
    problems.push({
      code: 'BAND_MIXED',
      path,
      message: { th: 'ช่วงค่าผสมระดับกับคะแนน', en: 'the bands mix levels and points' },
      expected: 'all levels or all points',
    });
  }
}

/** How many conditions of a cycle get the cycle spelt out (the rest are past the diagnostics a file lists). */
const MAX_CYCLES_SPELT = 200;

/** The named conditions' references to each other, and the strongly connected components they form. */
interface ReferenceGraph {
  /** Each name's references to named conditions that exist, each once. */
  refs: Map<string, string[]>;
  /** Each name's component. */
  component: Map<string, number>;
  /** Each component's number of names. */
  sizes: number[];
  /** The names as their components were completed: a name comes after every name it refers to outside its own component. */
  order: string[];
}

/**
 * The reference graph of the named conditions and its strongly connected components (Tarjan's
 * algorithm with an explicit stack): linear in the conditions and their references whatever
 * their shape, and no deeper on the call stack however long a chain of references is.
 */
function referenceGraph(conditions: Record<string, Condition>): ReferenceGraph {
  const names = Object.keys(conditions);
  const refs = new Map<string, string[]>();
  for (const name of names) refs.set(name, [...new Set(references(conditions[name]!))].filter((r) => Object.hasOwn(conditions, r)));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const component = new Map<string, number>();
  const sizes: number[] = [];
  const order: string[] = [];
  const stack: string[] = [];
  const onStack = new Set<string>();
  let counter = 0;
  const enter = (name: string): void => {
    index.set(name, counter);
    low.set(name, counter++);
    stack.push(name);
    onStack.add(name);
  };
  for (const root of names) {
    if (index.has(root)) continue;
    enter(root);
    const frames: { name: string; next: number }[] = [{ name: root, next: 0 }];
    while (frames.length > 0) {
      const frame = frames.at(-1)!;
      const out = refs.get(frame.name)!;
      if (frame.next < out.length) {
        const ref = out[frame.next++]!;
        if (!index.has(ref)) {
          enter(ref);
          frames.push({ name: ref, next: 0 });
        } else if (onStack.has(ref)) {
          low.set(frame.name, Math.min(low.get(frame.name)!, index.get(ref)!));
        }
        continue;
      }
      frames.pop();
      const parent = frames.at(-1);
      if (parent) low.set(parent.name, Math.min(low.get(parent.name)!, low.get(frame.name)!));
      if (low.get(frame.name) !== index.get(frame.name)) continue;
      const id = sizes.length;
      let size = 0;
      for (;;) {
        const member = stack.pop()!;
        onStack.delete(member);
        component.set(member, id);
        order.push(member);
        size++;
        if (member === frame.name) break;
      }
      sizes.push(size);
    }
  }
  return { refs, component, sizes, order };
}

/** True for a name that refers back to itself, directly or through others. */
function onCycle(graph: ReferenceGraph, name: string): boolean {
  return graph.sizes[graph.component.get(name)!]! > 1 || graph.refs.get(name)!.includes(name);
}

/**
 * Every named condition that refers to itself through others (in the order of the file), with
 * the shortest such cycle from it back to it: found by a breadth-first search inside its
 * component, for the first MAX_CYCLES_SPELT of them only (the others name their component's
 * size instead), so that the work stays bounded whatever the shape of the references.
 */
function conditionCycles(conditions: Record<string, Condition>, graph: ReferenceGraph): Map<string, string[]> {
  const { refs, component, sizes } = graph;
  const cycles = new Map<string, string[]>();
  let spelt = 0;
  for (const name of Object.keys(conditions)) {
    if (!onCycle(graph, name)) continue;
    const id = component.get(name)!;
    if (spelt++ >= MAX_CYCLES_SPELT) {
      cycles.set(name, [name, `… (${sizes[id]} conditions)`, name]);
      continue;
    }
    if (refs.get(name)!.includes(name)) {
      cycles.set(name, [name, name]);
      continue;
    }
    const cameFrom = new Map<string, string>();
    const queue = [name];
    let last: string | undefined;
    for (let head = 0; head < queue.length && last === undefined; head++) {
      const at = queue[head]!;
      for (const ref of refs.get(at)!) {
        if (ref === name) {
          last = at;
          break;
        }
        if (component.get(ref) !== id || cameFrom.has(ref)) continue;
        cameFrom.set(ref, at);
        queue.push(ref);
      }
    }
    const back: string[] = [];
    for (let at = last!; at !== name; at = cameFrom.get(at)!) back.push(at);
    cycles.set(name, [name, ...back.reverse(), name]);
  }
  return cycles;
}

/** The deepest a condition may nest, each named condition it uses counted with its own depth. */
export const MAX_CONDITION_DEPTH = 500;

/**
 * How deep a condition nests once its named conditions are followed: all, any and not each add a
 * level, a comparison is one. Named conditions are measured once each, every name after those it
 * refers to (the graph's order), so a long chain of names costs its length and no call stack; a
 * reference into a cycle counts as one level (the cycle is an error of its own).
 */
function conditionDepths(conditions: Record<string, Condition>, graph: ReferenceGraph): (condition: Condition) => number {
  const named = new Map<string, number>();
  const depth = (condition: Condition): number => {
    if ('all' in condition) return 1 + condition.all.reduce((most, c) => Math.max(most, depth(c)), 0);
    if ('any' in condition) return 1 + condition.any.reduce((most, c) => Math.max(most, depth(c)), 0);
    if ('not' in condition) return 1 + depth(condition.not);
    if ('condition' in condition) return 1 + (named.get(condition.condition) ?? 0);
    return 1;
  };
  for (const name of graph.order) named.set(name, onCycle(graph, name) ? 0 : depth(conditions[name]!));
  return depth;
}

/** A cycle as a message shows it: every name when it is short, else its two ends around "…" and its length. */
function cycleText(cycle: readonly string[]): string {
  if (cycle.length <= 12) return cycle.join(' → ');
  return `${[...cycle.slice(0, 6), '…', ...cycle.slice(-5)].join(' → ')} (${cycle.length - 1} conditions)`;
}

function references(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(references);
  if ('any' in condition) return condition.any.flatMap(references);
  if ('not' in condition) return references(condition.not);
  if ('condition' in condition) return [condition.condition];
  return [];
}

