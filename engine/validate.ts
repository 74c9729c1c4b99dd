import type { ErrorObject } from 'ajv';
import localizeThModule from 'ajv-i18n/localize/th/index.js';
import { checkRubric } from './check.js';
import { capDiagnostics, describeValue, sortDiagnostics, type Diagnostic, type DiagnosticCode } from './diagnostics.js';
import { cjsDefault } from './interop.js';
import type { LoadedRubric } from './load.js';
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';
import { pointerSegments, toPointer, type Place } from './positions.js';
import { schemaValidator } from './schema-validators.js';
import type { Rubric, Text } from './types.js';
import { closestName } from './suggest.js';

type Localize = (errors?: ErrorObject[] | null) => void;
const localizeTh = cjsDefault<Localize>(localizeThModule);

/** What `validateRubric` gives: the typed rubric when it is valid, and every diagnostic. */
export interface ValidatedRubric {
  rubric: Rubric | undefined;
  diagnostics: Diagnostic[];
}

/** Where a rubric is expected to live, to check its mission and period against its path. */
export interface ValidateOptions {
  expectedMission?: string;
  expectedPeriod?: string;
}

/**
 * Validates a loaded rubric against the schema and then its meaning (declared facts, operators
 * that fit the fact's type, named conditions, band shapes). Returns all problems at once, sorted
 * by line; the rubric is returned only when there is no error.
 */
export function validateRubric(loaded: LoadedRubric, options: ValidateOptions = {}): ValidatedRubric {
  if (loaded.value === undefined || !loaded.doc) {
    return { rubric: undefined, diagnostics: capDiagnostics(sortDiagnostics(loaded.diagnostics), loaded.file) };
  }
  const validate = schemaValidator('rubric');
  const diagnostics = [...loaded.diagnostics];
  const locate = pointerLocator(loaded.doc, loaded.lineCounter);
  if (!validate(loaded.value)) {
    diagnostics.push(...schemaDiagnostics(loaded, validate.errors ?? [], locate));
    return { rubric: undefined, diagnostics: capDiagnostics(sortDiagnostics(diagnostics), loaded.file) };
  }
  const rubric = loaded.value as Rubric;
  for (const problem of checkRubric(rubric, options)) {
    const { line, column } = locate(problem.path, problem.atKey);
    const { atKey: _atKey, ...rest } = problem;
    diagnostics.push({ ...rest, severity: problem.severity ?? 'error', file: loaded.file, line, column });
  }
  const sorted = sortDiagnostics(diagnostics);
  // Whether the rubric is valid is decided on every diagnostic, not only on those listed.
  return { rubric: sorted.some((d) => d.severity === 'error') ? undefined : rubric, diagnostics: capDiagnostics(sorted, loaded.file) };
}

/** Where a JSON pointer lies in the document (its key's place with `atKey`). */
type Locate = (pointer: string, atKey?: boolean) => Place;

/**
 * `locatePointer` (positions.ts) with each mapping's keys indexed on first use, so that placing
 * many diagnostics costs the depth of each pointer, not the size of the mappings it passes
 * through: placing an unknown key among 20,000 others scanned all of them for each.
 */
function pointerLocator(doc: Document, lineCounter: LineCounter): Locate {
  const indexes = new WeakMap<YAMLMap, Map<string, Pair>>();
  const pairOf = (map: YAMLMap, segment: string): Pair | undefined => {
    let index = indexes.get(map);
    if (!index) {
      index = new Map();
      for (const p of map.items) {
        if (!isPair(p) || !isScalar(p.key)) continue;
        const name = String(p.key.value);
        if (!index.has(name)) index.set(name, p); // the first, as Array.prototype.find gives
      }
      indexes.set(map, index);
    }
    return index.get(segment);
  };
  const startOf = (node: unknown): Place | undefined => {
    const range = (node as Node | null)?.range;
    if (!range) return undefined;
    const { line, col } = lineCounter.linePos(range[0]);
    return { line, column: col };
  };
  return (pointer, atKey = false) => {
    let node: unknown = doc.contents;
    let place = startOf(node) ?? { line: 1, column: 1 };
    const segments = pointerSegments(pointer);
    for (const [index, segment] of segments.entries()) {
      const isLast = index === segments.length - 1;
      if (isMap(node)) {
        const pair = pairOf(node, segment);
        if (!pair) break;
        const keyPlace = startOf(pair.key);
        const valuePlace = startOf(pair.value);
        place = (atKey && isLast ? keyPlace : valuePlace ?? keyPlace) ?? place;
        node = pair.value;
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)];
        if (item === undefined) break;
        place = startOf(item) ?? place;
        node = item;
      } else {
        break;
      }
    }
    return place;
  };
}

/** A value described in English and Thai, once per value: many errors can share one big value. */
type Describe = (value: unknown) => { en: string; th: string };

function describer(): Describe {
  const seen = new Map<object, { en: string; th: string }>();
  return (value) => {
    if (value === null || typeof value !== 'object') return { en: describeValue(value, 'en'), th: describeValue(value, 'th') };
    let described = seen.get(value);
    if (!described) {
      described = { en: describeValue(value, 'en'), th: describeValue(value, 'th') };
      seen.set(value, described);
    }
    return described;
  };
}

function schemaDiagnostics(loaded: LoadedRubric, errors: ErrorObject[], locate: Locate): Diagnostic[] {
  // Errors about a property name (inner to propertyNames) are reported once, by propertyNames.
  const hasDeeper = deeperErrors(errors);
  const relevant = errors.filter(
    (e) => e.propertyName === undefined && (!['if', 'anyOf', 'oneOf', 'not'].includes(e.keyword) || !hasDeeper(e)),
  );
  const thai = relevant.map((e) => ({ ...e }));
  localizeTh(thai);
  const describe = describer();
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  relevant.forEach((error, index) => {
    const d = toDiagnostic(loaded, error, thai[index]!.message ?? error.message ?? '', locate, describe);
    const key = `${d.path}|${d.code}|${d.message.en}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(d);
  });
  return out;
}

/**
 * For each error, whether another error of a different keyword lies at or under its instance
 * path (by string prefix, as `instancePath.startsWith` reads it). Sorting the paths once puts
 * every path with a prefix in one run, found by binary search, so this costs O(n log n) for n
 * errors rather than comparing every pair.
 */
function deeperErrors(errors: ErrorObject[]): (error: ErrorObject) => boolean {
  const order = errors.map((_, i) => i).sort((a, b) => compare(errors[a]!.instancePath, errors[b]!.instancePath));
  const paths = order.map((i) => errors[i]!.instancePath);
  const keywords = order.map((i) => errors[i]!.keyword);
  // nextOther[i]: the first position after i whose keyword differs from the one at i.
  const nextOther = new Array<number>(order.length);
  for (let i = order.length - 1; i >= 0; i--) {
    nextOther[i] = i + 1 < order.length && keywords[i + 1] !== keywords[i] ? i + 1 : (nextOther[i + 1] ?? order.length);
  }
  return (error) => {
    const prefix = error.instancePath;
    const from = firstIndex(paths, (p) => compare(p, prefix) >= 0);
    const to = firstIndex(paths, (p) => compare(p, prefix) > 0 && !p.startsWith(prefix));
    if (from >= to) return false;
    return keywords[from] !== error.keyword || nextOther[from]! < to;
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The first index where `test` holds, for a test that is false and then true along `items`. */
function firstIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (test(items[mid]!)) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** A property name as a message shows it: cut at about 60 characters (the path keeps it whole). */
function shortName(name: string): string {
  if (name.length <= 60) return name;
  const quoted = describeValue(name); // quoted and cut, without splitting a character
  return quoted.slice(1, -1);
}

function toDiagnostic(loaded: LoadedRubric, error: ErrorObject, thaiMessage: string, locate: Locate, describe: Describe): Diagnostic {
  let code: DiagnosticCode = 'SCHEMA_CONSTRAINT';
  let path = error.instancePath;
  let atKey = false;
  // The value in error is described by type and size: at the root it is the whole document.
  const { en: received, th: receivedTh } = describe(error.data);
  let message: Text = {
    th: `${path || '/'} ${thaiMessage} (ได้ ${receivedTh})`,
    en: `${path || '/'} ${error.message ?? ''} (received ${received})`,
  };
  let expected: string | undefined;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      code = 'SCHEMA_UNKNOWN_PROPERTY';
      const name = String(params.additionalProperty);
      path = error.instancePath + toPointer([name]);
      atKey = true;
      const { allowed, list } = allowedNames(error.parentSchema);
      const hint = closestName(name, typoCandidates(name, allowed));
      expected = list;
      const shown = shortName(name);
      message = {
        th: `ไม่รู้จักคีย์ "${shown}"${hint ? ` หมายถึง "${hint}" หรือไม่` : ''} (ที่ใช้ได้: ${expected})`,
        en: `unknown property "${shown}"${hint ? `; did you mean "${hint}"?` : ''} (expected one of: ${expected})`,
      };
      return { ...base(), received: shown };
    }
    case 'required':
      code = 'SCHEMA_REQUIRED';
      expected = String(params.missingProperty);
      message = {
        th: `ขาดคีย์ที่ต้องมี "${expected}"`,
        en: `missing required property "${expected}"`,
      };
      break;
    case 'type':
      code = 'SCHEMA_TYPE';
      expected = String(params.type);
      message = {
        th: `ชนิดข้อมูลไม่ถูกต้อง: ต้องเป็น ${expected} แต่ได้ ${receivedTh}`,
        en: `wrong type: expected ${expected}, received ${received}`,
      };
      break;
    case 'enum':
    case 'const': {
      const allowed = (params.allowedValues as unknown[] | undefined) ?? [params.allowedValue];
      expected = allowed.map((v) => String(v)).join(', ');
      const isOperator = pointerSegments(path).at(-1) === 'operator' || pointerSegments(path).at(-1) === 'op';
      code = isOperator ? 'UNKNOWN_OPERATOR' : 'SCHEMA_ENUM';
      message = isOperator
        ? { th: `ไม่รู้จักตัวดำเนินการ ${receivedTh} (ที่ใช้ได้: ${expected})`, en: `unknown operator ${received} (expected one of: ${expected})` }
        : { th: `ค่าไม่อยู่ในรายการที่กำหนด: ${receivedTh} (ที่ใช้ได้: ${expected})`, en: `value not allowed: ${received} (expected one of: ${expected})` };
      break;
    }
    case 'discriminator': {
      code = 'SCHEMA_ENUM';
      path = error.instancePath + toPointer([String(params.tag)]);
      message = {
        th: `ค่า ${String(params.tag)} ไม่ถูกต้อง: ${describeValue(params.tagValue, 'th')}`,
        en: `invalid ${String(params.tag)}: ${describeValue(params.tagValue)}`,
      };
      break;
    }
    case 'pattern':
      code = 'SCHEMA_PATTERN';
      expected = String(params.pattern);
      message = {
        th: `รูปแบบไม่ถูกต้อง: ${receivedTh} ไม่ตรงกับ ${expected}`,
        en: `wrong format: ${received} does not match ${expected}`,
      };
      break;
    case 'propertyNames': {
      const name = String(params.propertyName);
      code = 'SCHEMA_PATTERN';
      path = error.instancePath + toPointer([name]);
      atKey = true;
      expected = 'an id: a lowercase letter, then letters and digits (camelCase)';
      const shown = shortName(name);
      message = {
        th: `ชื่อ "${shown}" ใช้เป็นรหัสไม่ได้ (ต้องขึ้นต้นด้วยอักษรตัวเล็ก ตามด้วยอักษรหรือตัวเลข)`,
        en: `"${shown}" is not a valid id (expected a lowercase letter, then letters and digits)`,
      };
      return { ...base(), received: shown };
    }
    default:
      break;
  }
  return base();

  function base(): Diagnostic {
    const { line, column } = locate(path, atKey);
    return {
      code,
      severity: 'error',
      message,
      file: loaded.file,
      line,
      column,
      path,
      ...(expected !== undefined ? { expected } : {}),
      received,
    };
  }
}

/** A schema's property names and their list as messages show it, made once per schema (thousands of unknown keys share one). */
const namesOfSchema = new WeakMap<object, { allowed: string[]; list: string }>();

function allowedNames(schema: ErrorObject['parentSchema']): { allowed: string[]; list: string } {
  const properties = (schema?.properties as object | undefined) ?? {};
  let names = namesOfSchema.get(properties);
  if (!names) {
    const allowed = Object.keys(properties);
    names = { allowed, list: allowed.join(', ') };
    namesOfSchema.set(properties, names);
  }
  return names;
}

/**
 * The names of `allowed` that `closestName` could take `name` for, in their order: it accepts an
 * edit distance of at most max(2, length / 3), and the distance is at least the difference of
 * the lengths, so the others cannot be its answer. Leaving them out gives the same hint without
 * comparing each unknown key with every allowed name (and a very long key with none).
 */
function typoCandidates(name: string, allowed: readonly string[]): string[] {
  const most = Math.max(2, Math.floor(name.length / 3));
  const length = name.toLowerCase().length;
  return allowed.filter((a) => Math.abs(a.toLowerCase().length - length) <= most);
}
