// Checks the derived values: none takes a fact's id, and each is made from declared facts of the
// type it needs (numbers for a ratio, true/false for a count).
import { own } from '../own.js';
import { toPointer } from '../positions.js';
import { found, type CheckContext } from './found.js';

/** DUPLICATE_ID, UNDECLARED_FACT and TYPE_MISMATCH in the derived values. */
export function checkDerived(ctx: CheckContext): void {
  const facts = ctx.rubric.facts ?? {};
  for (const [id, derived] of Object.entries(ctx.rubric.derived ?? {})) {
    const at = toPointer(['derived', id]);
    if (own(facts, id)) ctx.problems.push(found('DUPLICATE_ID', { kind: 'fact', id }, at, { atKey: true, received: id }));
    const operands =
      derived.type === 'ratio'
        ? [
            { id: derived.numerator, path: `${at}/numerator`, want: 'numeric' as const },
            { id: derived.denominator, path: `${at}/denominator`, want: 'numeric' as const },
          ]
        : derived.facts.map((f, i) => ({ id: f, path: `${at}/facts/${i}`, want: 'boolean' as const }));
    for (const operand of operands) {
      const fact = own(facts, operand.id);
      if (!fact) {
        ctx.undeclared(operand.id, operand.path, 'a declared fact');
        continue;
      }
      const ok = operand.want === 'boolean' ? fact.type === 'boolean' : fact.type === 'number' || fact.type === 'integer';
      if (ok) continue;
      ctx.problems.push(
        found('TYPE_MISMATCH', { kind: 'operand', id: operand.id, type: fact.type, want: operand.want }, operand.path, {
          expected: operand.want,
          received: fact.type,
        }),
      );
    }
  }
}
