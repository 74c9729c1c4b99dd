// The compiled path against json-rules-engine on random rows, a quick pass; the integration tier
// runs the same property on thousands of rows (test/integration/rubric/equivalence-deep.test.ts).
import { describeEquivalence } from '../equivalence.js';

describeEquivalence(120, 2567);
