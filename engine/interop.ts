/**
 * Returns a CommonJS package's main export whether the importer (Node, Vite, tsc) hands over
 * `module.exports` itself or a wrapper whose `default` holds it.
 */
export function cjsDefault<T>(imported: unknown): T {
  let value = imported;
  while (value !== null && typeof value === 'object' && 'default' in value) {
    value = (value as { default: unknown }).default;
  }
  return value as T;
}
