// Lints one rubric file for a reviewer: its validation problems and its analysis, as findings.
import { analyzeRubric, type Finding } from './analyze.js';
import type { RubricProblem } from './diagnostics.js';
import type { LoadedRubric } from './load.js';
import { problem } from './problems/catalogue.js';
import { formatProblem } from './problems/format.js';
import { locatePointer } from './positions.js';
import type { ValidRubric } from './validate.js';

/**
 * Everything a reviewer should see about one rubric file before it is published: its validation
 * problems as findings (an undeclared fact as `undeclared-fact`, anything else as `invalid`) and,
 * when it is valid, the analysis.
 */
export function lintRubric(loaded: LoadedRubric, rubric: ValidRubric | undefined, diagnostics: RubricProblem[]): Finding[] {
  const mission = rubric?.mission ?? (loaded.value as { mission?: unknown } | undefined)?.mission;
  const fromDiagnostics: Finding[] = diagnostics.map((d) => ({
    ...problem('analysis', d.code === 'UNDECLARED_FACT' ? 'UNDECLARED_FACT' : 'INVALID', { words: d.message }, { severity: d.severity }),
    where: { ...d.where },
    about: {
      mission: typeof mission === 'string' ? mission : '',
      ...(d.code === 'UNDECLARED_FACT' && d.received ? { fact: d.received } : {}),
      example: null,
      cause: d.code,
    },
  }));
  if (!rubric || !loaded.doc) return fromDiagnostics;
  const doc = loaded.doc;
  const findings = analyzeRubric({
    rubric,
    file: loaded.file,
    locate: (path) => locatePointer(doc, loaded.lineCounter, path),
  });
  return [...fromDiagnostics, ...findings];
}

/**
 * Formats a finding as one line: the problem as `formatProblem` writes it
 * (`file:line:column severity CODE pointer: words`), then `[criterion/fact]` and `(example: …)`.
 */
export function formatFinding(f: Finding, language: 'th' | 'en' | 'both' = 'both'): string {
  const subject = [f.about.criterion, f.about.fact].filter(Boolean).join('/');
  const example = f.about.example === null ? '' : ` (example: ${JSON.stringify(f.about.example)})`;
  return `${formatProblem(f, language)}${subject ? ` [${subject}]` : ''}${example}`;
}
