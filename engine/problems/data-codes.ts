// The codes of problems found in a data file and its rows, with their Thai and English templates.
import { codes } from './entry.js';

/** Problems found in a data file and its rows. */
export const DATA_CODES = codes({
});
