// A synthetic rubric `copies` times the size of a real one, for `npm run bench:editor`: every
// criterion and the fact it reads are repeated with new ids and labels, and the grade bands, the
// examples' facts and scores and the exemptions follow, so that (for a rubric whose score is the sum
// of its criteria, as the largest shipped one is) the copy stays valid and its examples still pass.
import { parse, stringify } from 'yaml';

type Plain = Record<string, unknown>;

const suffix = (k: number) => `Copy${k}`;
const relabel = (label: unknown, k: number): unknown => {
  if (typeof label === 'string') return `${label} (ชุดที่ ${k + 1})`;
  if (label && typeof label === 'object') {
    const { th, en } = label as { th?: string; en?: string };
    return { ...(label as Plain), ...(th ? { th: `${th} (ชุดที่ ${k + 1})` } : {}), ...(en ? { en: `${en} (copy ${k + 1})` } : {}) };
  }
  return label;
};

/** The rubric's text with `copies` sets of its criteria (the original and copies − 1 more). */
export function multipliedRubric(yaml: string, copies: number): string {
  const rubric = parse(yaml) as Plain;
  const facts = (rubric.facts ?? {}) as Record<string, Plain>;
  const criteria = (rubric.criteria ?? []) as Plain[];
  const inputs = new Set(criteria.map((c) => c.input).filter((i): i is string => typeof i === 'string' && i in facts));
  const copiedFacts: Record<string, Plain> = { ...facts };
  const copiedCriteria: Plain[] = [...criteria];
  for (let k = 1; k < copies; k++) {
    for (const input of inputs) copiedFacts[`${input}${suffix(k)}`] = { ...facts[input], label: relabel(facts[input]!.label, k) };
    for (const c of criteria) {
      const input = typeof c.input === 'string' && inputs.has(c.input) ? `${c.input}${suffix(k)}` : c.input;
      copiedCriteria.push({ ...c, id: `${String(c.id)}${suffix(k)}`, label: relabel(c.label, k), input });
    }
  }
  rubric.facts = copiedFacts;
  rubric.criteria = copiedCriteria;
  const times = (v: unknown): unknown => (typeof v === 'number' ? v * copies : Array.isArray(v) ? v.map(times) : v);
  const grade = rubric.grade as { input?: string; bands?: Plain[] } | undefined;
  if (grade?.input === 'score' && grade.bands) grade.bands = grade.bands.map((b) => ({ ...b, value: times(b.value) }));
  const sameForCopies = (values: Plain): Plain => {
    const out: Plain = { ...values };
    for (let k = 1; k < copies; k++) for (const input of inputs) if (input in values) out[`${input}${suffix(k)}`] = values[input];
    return out;
  };
  rubric.examples = ((rubric.examples ?? []) as Plain[]).map((e) => ({
    ...e,
    facts: sameForCopies((e.facts ?? {}) as Plain),
    ...(typeof e.score === 'number' ? { score: e.score * copies } : {}),
  }));
  rubric.exemptions = ((rubric.exemptions ?? []) as Plain[]).map((x) => {
    const ids = (x.notApplicable ?? []) as string[];
    const copied = [...ids];
    for (let k = 1; k < copies; k++) copied.push(...ids.map((id) => `${id}${suffix(k)}`));
    return { ...x, notApplicable: copied };
  });
  return stringify(rubric, { lineWidth: 0 });
}
