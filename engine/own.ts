// Lookups by ids that come from a rubric or a data file: a fact may be named `toString` or
// `constructor`, and such a name must never find what every object inherits.

/** The record's own value for a key, never an inherited one. */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** True for a key that every plain object inherits (`toString`, `constructor`, `__proto__`, …). */
export function isInheritedName(key: string): boolean {
  return key in Object.prototype;
}
