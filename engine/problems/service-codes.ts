// The codes of problems found in the store, accounts, bundles and the public API, with their Thai and English templates.
import { codes } from './entry.js';

/** Problems found in the store, accounts, bundles and the public API. */
export const SERVICE_CODES = codes({
});
