// The compiled path against json-rules-engine on thousands of random rows a rubric, with another
// seed than the unit tier's quick pass (test/unit/equivalence.test.ts).
import { describeEquivalence } from '../../equivalence.js';

describeEquivalence(2000, 2568);
