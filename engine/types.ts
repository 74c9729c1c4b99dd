// The rubric document model: what `schemas/rubric.schema.json` validates.
// test/engine/schema-types.test.ts keeps these types and the schema from drifting.

/** A grade level, A (best) to D. */
export type Level = 'A' | 'B' | 'C' | 'D';

/** The levels, best first. */
export const LEVELS: readonly Level[] = ['A', 'B', 'C', 'D'];

/** Text in Thai and English. */
export interface Text {
  th: string;
  en: string;
}

/** A reference into the source document. */
export interface Source {
  document?: string;
  date?: string;
  lines?: string;
  quote?: string;
}

/** A note on how the document was read. */
export interface Note extends Text {
  source?: Source;
}

/** One reporting round. */
export interface Round {
  round: number;
  due: string;
  label?: Text;
}

/** How and when units report. */
export interface Reporting {
  channel: Text;
  rounds: Round[];
}

/** The unit of a value: `percent` (a percentage the file reader recognises), or its words. */
export type Unit = 'percent' | Text;

/** Other words for a fact in the files offices send: other column headers. */
export interface FactAliases {
  column?: string[];
}

/** Other words for a yes/no fact: column headers, and words meaning yes or no. */
export interface BooleanAliases extends FactAliases {
  yes?: string[];
  no?: string[];
}

/** Which direction of a number is better. */
export type Better = 'higher' | 'lower';

/** A yes/no fact. */
export interface BooleanFact {
  type: 'boolean';
  label: Text;
  description?: Text;
  aliases?: BooleanAliases;
  source?: Source;
}

/** A count. */
export interface IntegerFact {
  type: 'integer';
  label: Text;
  description?: Text;
  aliases?: FactAliases;
  unit?: Unit;
  min?: number;
  max?: number;
  better?: Better;
  source?: Source;
}

/** A decimal number, rounded to `precision` before comparison. */
export interface NumberFact {
  type: 'number';
  label: Text;
  description?: Text;
  aliases?: FactAliases;
  unit?: Unit;
  precision: number;
  min?: number;
  max?: number;
  better?: Better;
  source?: Source;
}

/** One allowed value of an enum fact. */
export interface EnumValue {
  value: string;
  label: Text;
  /** Other words that mean this value in files. */
  aliases?: string[];
}

/** One value from a fixed list. */
export interface EnumFact {
  type: 'enum';
  label: Text;
  description?: Text;
  aliases?: FactAliases;
  values: EnumValue[];
  source?: Source;
}

/** A catalogue of reference data a text fact can be read against. */
export type FactCatalogue = 'province';

/** Free text, such as a province's name. */
export interface StringFact {
  type: 'string';
  label: Text;
  description?: Text;
  aliases?: FactAliases;
  /** Read against a catalogue: a province's name in any spelling becomes its canonical Thai name. */
  catalog?: FactCatalogue;
  source?: Source;
}

/** An input fact a unit reports. */
export type Fact = BooleanFact | IntegerFact | NumberFact | EnumFact | StringFact;

/** numerator × multiplier ÷ denominator. */
export interface RatioDerived {
  type: 'ratio';
  label: Text;
  numerator: string;
  denominator: string;
  multiplier?: number;
  precision: number;
  unit?: Unit;
  better?: Better;
  source?: Source;
}

/** The number of boolean facts that are true. */
export interface CountTrueDerived {
  type: 'countTrue';
  label: Text;
  facts: string[];
  unit?: Unit;
  better?: Better;
  source?: Source;
}

/** A value derived from facts. */
export type Derived = RatioDerived | CountTrueDerived;

/** A comparison as the document writes it. */
export type Comparator = '>' | '>=' | '<' | '<=' | '=' | 'between';

/** One band: values satisfying `op value` get `level` or `points`. */
export interface Band {
  level?: Level;
  points?: number;
  op: Comparator;
  value: number | [number, number];
  quote?: string;
}

/** The same criterion as another table of the document states it. */
export interface OtherTable {
  source: Source;
  bands: Band[];
}

/** One criterion: maps one value to a level or points. */
export interface Criterion {
  id: string;
  label: Text;
  input: string;
  bands: Band[];
  otherTables?: OtherTable[];
  source?: Source;
}

/** json-rules-engine operators that conditions may use. */
export type Operator =
  | 'equal'
  | 'notEqual'
  | 'lessThan'
  | 'lessThanInclusive'
  | 'greaterThan'
  | 'greaterThanInclusive'
  | 'in'
  | 'notIn';

/** A scalar a condition compares with. */
export type Scalar = number | boolean | string;

export interface AllCondition {
  all: Condition[];
}
export interface AnyCondition {
  any: Condition[];
}
export interface NotCondition {
  not: Condition;
}
export interface FactCondition {
  fact: string;
  operator: Operator;
  value: Scalar | Scalar[];
}
export interface ReferenceCondition {
  condition: string;
}

/** A condition in json-rules-engine's form. */
export type Condition = AllCondition | AnyCondition | NotCondition | FactCondition | ReferenceCondition;

/** Criteria not applicable when a condition holds. */
export interface Exemption {
  id: string;
  label: Text;
  when: Condition;
  notApplicable: string[];
  source?: Source;
}

/** How criterion points combine into a score. */
export interface Score {
  method: 'sum' | 'mean';
  label: Text;
  precision?: number;
  whenNotApplicable?: 'drop' | 'rescale';
}

export interface WorstGrade {
  type: 'worst';
  source?: Source;
}

export interface BandsGrade {
  type: 'bands';
  input: string;
  bands: Band[];
  source?: Source;
}

export interface LadderRow {
  level: Level;
  when: Condition;
  score?: number;
  quote?: string;
}

export interface LadderGrade {
  type: 'ladder';
  rows: LadderRow[];
  floor?: Level;
  source?: Source;
}

export interface TruthTableRow {
  level: Level;
  values: (boolean | string)[];
  quote?: string;
}

export interface TruthTableGrade {
  type: 'truthTable';
  columns: string[];
  rows: TruthTableRow[];
  source?: Source;
}

/** The rule that gives the grade. */
export type Grade = WorstGrade | BandsGrade | LadderGrade | TruthTableGrade;

/** A fact value as rows and examples carry it. */
export type FactValue = number | boolean | string | null;

/** A named case: facts and the expected result. */
export interface Example {
  name: string;
  facts: Record<string, FactValue>;
  expect: Level | 'unmatched' | 'error';
  score?: number;
}

/** One mission's rubric for one period. */
export interface Rubric {
  mission: string;
  number?: number;
  period: string;
  revision: number;
  status: 'draft' | 'published';
  name: Text;
  leadUnit?: Text;
  reporting: Reporting;
  source: Source;
  notes?: Note[];
  facts?: Record<string, Fact>;
  derived?: Record<string, Derived>;
  conditions?: Record<string, Condition>;
  criteria?: Criterion[];
  exemptions?: Exemption[];
  score?: Score;
  grade?: Grade;
  examples?: Example[];
}

/** The value id that bands over the combined score name. */
export const SCORE_INPUT = 'score';
