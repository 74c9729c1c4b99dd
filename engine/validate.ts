import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';
import localizeThModule from 'ajv-i18n/localize/th/index.js';
import rubricSchema from '../schemas/rubric.schema.json' with { type: 'json' };
import { checkRubric } from './check.js';
import { describeValue, sortDiagnostics, type Diagnostic, type DiagnosticCode } from './diagnostics.js';
import { cjsDefault } from './interop.js';
import type { LoadedRubric } from './load.js';
import { locatePointer, pointerSegments } from './positions.js';
import type { Rubric, Text } from './types.js';
import { closestName } from './suggest.js';

type Localize = (errors?: ErrorObject[] | null) => void;
const localizeTh = cjsDefault<Localize>(localizeThModule);
const addFormats = cjsDefault<(ajv: Ajv) => Ajv>(formatsModule);

let compiled: ValidateFunction | undefined;

/** The rubric schema's validator, compiled once on first use. */
function rubricValidator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false, discriminator: true, verbose: true });
    addFormats(ajv);
    compiled = ajv.compile(rubricSchema);
  }
  return compiled;
}

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
  if (loaded.value === undefined || !loaded.doc) return { rubric: undefined, diagnostics: loaded.diagnostics };
  const validate = rubricValidator();
  const diagnostics = [...loaded.diagnostics];
  if (!validate(loaded.value)) {
    diagnostics.push(...schemaDiagnostics(loaded, validate.errors ?? []));
    return { rubric: undefined, diagnostics: sortDiagnostics(diagnostics) };
  }
  const rubric = loaded.value as Rubric;
  const place = (path: string, atKey = false) => locatePointer(loaded.doc!, loaded.lineCounter, path, { atKey });
  for (const problem of checkRubric(rubric, options)) {
    const { line, column } = place(problem.path, problem.atKey);
    const { atKey: _atKey, ...rest } = problem;
    diagnostics.push({ ...rest, severity: problem.severity ?? 'error', file: loaded.file, line, column });
  }
  const sorted = sortDiagnostics(diagnostics);
  return { rubric: sorted.some((d) => d.severity === 'error') ? undefined : rubric, diagnostics: sorted };
}

function schemaDiagnostics(loaded: LoadedRubric, errors: ErrorObject[]): Diagnostic[] {
  // Errors about a property name (inner to propertyNames) are reported once, by propertyNames.
  const relevant = errors.filter(
    (e) => e.propertyName === undefined && (!['if', 'anyOf', 'oneOf', 'not'].includes(e.keyword) || !hasDeeper(e, errors)),
  );
  const thai = relevant.map((e) => ({ ...e }));
  localizeTh(thai);
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  relevant.forEach((error, index) => {
    const d = toDiagnostic(loaded, error, thai[index]!.message ?? error.message ?? '');
    const key = `${d.path}|${d.code}|${d.message.en}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(d);
  });
  return out;
}

function hasDeeper(error: ErrorObject, errors: ErrorObject[]): boolean {
  return errors.some((e) => e !== error && e.instancePath.startsWith(error.instancePath) && e.keyword !== error.keyword);
}

function toDiagnostic(loaded: LoadedRubric, error: ErrorObject, thaiMessage: string): Diagnostic {
  let code: DiagnosticCode = 'SCHEMA_CONSTRAINT';
  let path = error.instancePath;
  let atKey = false;
  const received = describeValue(error.data);
  let message: Text = {
    th: `${path || '/'} ${thaiMessage} (ได้ ${received})`,
    en: `${path || '/'} ${error.message ?? ''} (received ${received})`,
  };
  let expected: string | undefined;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      code = 'SCHEMA_UNKNOWN_PROPERTY';
      const name = String(params.additionalProperty);
      path = `${error.instancePath}/${name}`;
      atKey = true;
      const allowed = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
      const hint = closestName(name, allowed);
      expected = allowed.join(', ');
      message = {
        th: `ไม่รู้จักคีย์ "${name}"${hint ? ` หมายถึง "${hint}" หรือไม่` : ''} (ที่ใช้ได้: ${expected})`,
        en: `unknown property "${name}"${hint ? `; did you mean "${hint}"?` : ''} (expected one of: ${expected})`,
      };
      return { ...base(), received: name };
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
        th: `ชนิดข้อมูลไม่ถูกต้อง: ต้องเป็น ${expected} แต่ได้ ${received}`,
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
        ? { th: `ไม่รู้จักตัวดำเนินการ ${received} (ที่ใช้ได้: ${expected})`, en: `unknown operator ${received} (expected one of: ${expected})` }
        : { th: `ค่าไม่อยู่ในรายการที่กำหนด: ${received} (ที่ใช้ได้: ${expected})`, en: `value not allowed: ${received} (expected one of: ${expected})` };
      break;
    }
    case 'discriminator': {
      code = 'SCHEMA_ENUM';
      path = `${error.instancePath}/${String(params.tag)}`;
      message = {
        th: `ค่า ${String(params.tag)} ไม่ถูกต้อง: ${describeValue(params.tagValue)}`,
        en: `invalid ${String(params.tag)}: ${describeValue(params.tagValue)}`,
      };
      break;
    }
    case 'pattern':
      code = 'SCHEMA_PATTERN';
      expected = String(params.pattern);
      message = {
        th: `รูปแบบไม่ถูกต้อง: ${received} ไม่ตรงกับ ${expected}`,
        en: `wrong format: ${received} does not match ${expected}`,
      };
      break;
    case 'propertyNames': {
      const name = String(params.propertyName);
      code = 'SCHEMA_PATTERN';
      path = `${error.instancePath}/${name}`;
      atKey = true;
      expected = 'an id: a lowercase letter, then letters and digits (camelCase)';
      message = {
        th: `ชื่อ "${name}" ใช้เป็นรหัสไม่ได้ (ต้องขึ้นต้นด้วยอักษรตัวเล็ก ตามด้วยอักษรหรือตัวเลข)`,
        en: `"${name}" is not a valid id (expected a lowercase letter, then letters and digits)`,
      };
      return { ...base(), received: name };
    }
    default:
      break;
  }
  return base();

  function base(): Diagnostic {
    const { line, column } = locatePointer(loaded.doc!, loaded.lineCounter, path, { atKey });
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
