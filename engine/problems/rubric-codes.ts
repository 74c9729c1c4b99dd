// The codes of problems found in a rubric file (loading, schema, meaning), with their Thai and English templates.
import { codes } from './entry.js';

/** Problems found in a rubric file (loading, schema, meaning). */
export const RUBRIC_CODES = codes({
});
