import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../temp.js';
import { runCli } from './run.js';

// `rubric lint` reports a quote of the letter that no longer says what its band says.
const root = join(import.meta.dirname, '../../..');
const OTOP = readFileSync(join(root, 'rubrics/2567-Q3/otop.yaml'), 'utf8');

describe('rubric lint on a band changed under its quote', () => {
  it('prints QUOTE_DIFFERS_FROM_RULE as a warning at the quote, with the rule\'s words', async () => {
    const changed = OTOP.replace('- { level: D, op: "<", value: 2, quote: น้อยกว่าร้อยละ ๒ }', '- { level: D, op: "<=", value: 2, quote: น้อยกว่าร้อยละ ๒ }');
    expect(changed).not.toBe(OTOP);
    const file = join(tempDir('rubric-quote-'), 'otop.yaml');
    writeFileSync(file, changed);
    const run = await runCli(['lint', file], { cwd: root });
    expect(run.code).toBe(0);
    const line = run.stdout.split('\n').find((l) => l.includes('QUOTE_DIFFERS_FROM_RULE'));
    expect(line).toMatch(/otop\.yaml:77:\d+ warning QUOTE_DIFFERS_FROM_RULE \/criteria\/1\/bands\/3\/quote: /);
    expect(line).toContain('ไม่เกินร้อยละ ๒');
  });
});
