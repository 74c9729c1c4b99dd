// The codes of problems found in the analysis of a valid rubric (holes, overlaps, contradictions), with their Thai and English templates.
import { codes } from './entry.js';

/** Problems found in the analysis of a valid rubric (holes, overlaps, contradictions). */
export const ANALYSIS_CODES = codes({
});
