// Thai or Arabic digits in published words: the department writes its letters in Thai digits, and
// a reader may ask for Arabic ones (the criteria pages' switch, the Word file's option). Browser-safe.

/** Which digits the words are written in. */
export type Digits = 'thai' | 'arabic';

/** The digits asked for in a query value: Arabic only when asked for by name, else Thai. */
export function digitsOf(asked: string | null | undefined): Digits {
  return asked === 'arabic' ? 'arabic' : 'thai';
}

/** Thai digits in a text turned to Arabic ones. */
export function arabicDigits(text: string): string {
  return text.replace(/[\u0e50-\u0e59]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
}

/** Every string in a value (objects and arrays, deeply) with Arabic digits when asked for; the value itself for Thai ones. */
export function withDigits<T>(value: T, digits: Digits): T {
  if (digits === 'thai') return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return arabicDigits(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}
