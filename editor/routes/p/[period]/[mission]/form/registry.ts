// Which control edits each property of the rubric schema when the generic one is not enough: a
// reference to another fact, criterion or named condition gets a picker of what exists, a
// condition a builder, bands their table, a date a date field. Every other property is edited by
// the control its schema shape gives (engine/schema-form.ts). test/unit/form-registry.test.ts walks
// the schema and fails if a property has no control, or a reference has no picker.

/** The controls the form has besides the generic ones. */
export type Control =
  | 'readonly'
  | 'bands'
  | 'band-value'
  | 'value-picker'
  | 'score-or-value-picker'
  | 'fact-picker'
  | 'fact-list-picker'
  | 'boolean-fact-list-picker'
  | 'criterion-list-picker'
  | 'condition-name-picker'
  | 'operator'
  | 'condition-value'
  | 'truth-values'
  | 'example-facts'
  | 'date'
  | 'due'
  | 'long-text'
  | 'word-list';

/** The control of each schema location (`#/definitions/<definition>/properties/<property>`). */
export const REGISTRY: Record<string, Control> = {
  // Set by the store: the page shows them, publishing and corrections change them.
  '#/properties/mission': 'readonly',
  '#/properties/period': 'readonly',
  '#/properties/revision': 'readonly',
  '#/properties/status': 'readonly',
  '#/definitions/criterion/properties/bands': 'bands',
  '#/definitions/criterion/properties/otherTables/items/properties/bands': 'bands',
  '#/definitions/bandsGrade/properties/bands': 'bands',
  '#/definitions/band/properties/value': 'band-value',
  '#/definitions/criterion/properties/input': 'value-picker',
  '#/definitions/bandsGrade/properties/input': 'score-or-value-picker',
  '#/definitions/factCondition/properties/fact': 'value-picker',
  '#/definitions/ratioDerived/properties/numerator': 'fact-picker',
  '#/definitions/ratioDerived/properties/denominator': 'fact-picker',
  '#/definitions/countTrueDerived/properties/facts': 'boolean-fact-list-picker',
  '#/definitions/truthTableGrade/properties/columns': 'fact-list-picker',
  '#/definitions/truthTableGrade/properties/rows/items/properties/values': 'truth-values',
  '#/definitions/exemption/properties/notApplicable': 'criterion-list-picker',
  '#/definitions/referenceCondition/properties/condition': 'condition-name-picker',
  '#/definitions/factCondition/properties/operator': 'operator',
  '#/definitions/factCondition/properties/value': 'condition-value',
  '#/definitions/example/properties/facts': 'example-facts',
  '#/definitions/source/properties/date': 'date',
  '#/definitions/round/properties/due': 'due',
  '#/definitions/source/properties/quote': 'long-text',
  '#/definitions/note/properties/th': 'long-text',
  '#/definitions/note/properties/en': 'long-text',
  '#/definitions/factAliases/properties/column': 'word-list',
  '#/definitions/booleanAliases/properties/column': 'word-list',
  '#/definitions/booleanAliases/properties/yes': 'word-list',
  '#/definitions/booleanAliases/properties/no': 'word-list',
  '#/definitions/enumFact/properties/values/items/properties/aliases': 'word-list',
};

/** The schema location of a property of a definition (or of the root when `definition` is ''). */
export function locationOf(definition: string, property: string): string {
  return definition === '' ? `#/properties/${property}` : `${definition}/properties/${property}`;
}
