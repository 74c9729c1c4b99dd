// Everything a reviewer should see about one rubric file: its problems as findings, then the analysis.
import { analyzeRubric, type Finding } from './analyze.js';
import type { RubricProblem } from './diagnostics.js';
import type { LoadedRubric } from './load.js';
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
    mission: typeof mission === 'string' ? mission : '',
    kind: d.code === 'UNDECLARED_FACT' ? 'undeclared-fact' : 'invalid',
    severity: d.severity,
    ...(d.code === 'UNDECLARED_FACT' && d.received ? { fact: d.received } : {}),
    example: null,
    message: d.message,
    file: d.where.file,
    line: d.where.line,
    column: d.where.column,
    path: d.where.pointer,
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

/** Formats a finding as one line: `file:line:column severity kind [subject] message (example: …)`. */
export function formatFinding(f: Finding, language: 'th' | 'en' | 'both' = 'both'): string {
  const subject = [f.criterion, f.fact].filter(Boolean).join('/');
  const text = language === 'both' ? `${f.message.th} / ${f.message.en}` : f.message[language];
  const example = f.example === null ? '' : ` (example: ${JSON.stringify(f.example)})`;
  return `${f.file}:${f.line}:${f.column} ${f.severity} ${f.kind}${subject ? ` [${subject}]` : ''} ${text}${example}`;
}
