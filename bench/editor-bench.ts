// npm run bench:editor: in Chromium against the built editor, the time from an edit in the
// threshold table to updated diagnostics, findings and example grades, for the largest rubric;
// and how much JavaScript the first pages load without the lazily loaded Monaco chunks.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { listRubricFiles } from '../engine/node/rubric-files.js';
import { launchChromium, startEditor } from '../test/browser/harness.js';
import { measurePreview } from './preview-measure.js';

// Built to dist-bench/bench/, two levels below the project.
const root = join(import.meta.dirname, '../..');
const editor = await startEditor([{ username: 'bench', role: 'publisher', password: 'lotus-pond-quiet-4' }]);
const browser = await launchChromium();
try {
  const page = await (await browser.newContext({ viewport: { width: 1500, height: 1000 } })).newPage();
  const scripts = new Map<string, number>();
  page.on('response', async (response) => {
    if (!response.url().endsWith('.js')) return;
    try {
      scripts.set(new URL(response.url()).pathname, (await response.body()).length);
    } catch {
      // a response without a body (redirect) carries no script
    }
  });
  await page.goto(`${editor.base}/login`);
  await page.fill('input[name=username]', 'bench');
  await page.fill('input[name=password]', 'lotus-pond-quiet-4');
  await Promise.all([page.waitForURL(`${editor.base}/`), page.click('button[type=submit]')]);
  await page.waitForLoadState('networkidle');
  const homeJs = [...scripts.values()].reduce((a, b) => a + b, 0);
  await page.click('[data-testid=start-period]');
  await Promise.all([page.waitForURL(`${editor.base}/`), page.click('[data-testid=start-period-confirm]')]);

  // The largest rubric by size, as a draft of the next quarter.
  const files = [...listRubricFiles('2567-Q3').entries()].sort((a, b) => statSync(b[1]).size - statSync(a[1]).size);
  const [mission, path] = files[0]!;
  scripts.clear();
  await page.goto(`${editor.base}/p/2567-Q4/${mission}`);
  await page.waitForSelector('[data-testid=yaml-editor][data-ready=true]', { timeout: 30_000 });
  await page.waitForLoadState('networkidle');

  // Static imports of the app's entries and page nodes are what a page needs before Monaco.
  const manifest = JSON.parse(readFileSync(join(root, '.svelte-kit/output/client/.vite/manifest.json'), 'utf8')) as Record<
    string,
    { file: string; imports?: string[]; isEntry?: boolean }
  >;
  const eager = new Set<string>();
  const visit = (key: string): void => {
    const chunk = manifest[key];
    if (!chunk || eager.has(chunk.file)) return;
    eager.add(chunk.file);
    chunk.imports?.forEach(visit);
  };
  Object.keys(manifest).filter((k) => manifest[k]!.isEntry).forEach(visit);
  let missionEager = 0;
  let missionLazy = 0;
  for (const [url, size] of scripts) {
    if ([...eager].some((f) => url.endsWith(f))) missionEager += size;
    else missionLazy += size;
  }

  const inputs = await page.locator('input[data-testid$="-value"]:not([disabled])').count();
  const target = page.locator('input[data-testid$="-value"]:not([disabled])').first();
  const original = await target.inputValue();
  const timings: number[] = [];
  const painted: number[] = [];
  const analysis: number[] = [];
  for (let i = 0; i < 40; i++) {
    const value = String(Number(original) + (i % 2 === 0 ? 0.01 : 0));
    const ms = await target.evaluate(async (input: HTMLInputElement, v: string) => {
      const yaml = () => (document.querySelector('input[name=yaml]') as HTMLInputElement).value;
      const before = yaml();
      // The first DOM change after the edit: Svelte writes the table, YAML, findings and examples in one batch.
      const updated = new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          observer.disconnect();
          resolve(performance.now());
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      });
      // The page times each reading of its text as the measure 'rubric-analysis' (editor/lib/live.ts, ANALYSIS_MEASURE).
      performance.clearMeasures('rubric-analysis');
      const start = performance.now();
      input.value = v;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      const dom = (await updated) - start;
      await new Promise((r) => requestAnimationFrame(r));
      const frame = performance.now() - start;
      const read = performance.getEntriesByName('rubric-analysis').at(-1)?.duration ?? -1;
      return yaml() !== before ? [dom, frame, read] : [-1, -1, -1];
    }, value);
    if (ms[0]! >= 0) {
      timings.push(ms[0]!);
      painted.push(ms[1]!);
      if (ms[2]! >= 0) analysis.push(ms[2]!);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? NaN;
  console.log(`largest rubric: ${mission} (${statSync(path).size} bytes, ${inputs} threshold inputs)`);
  console.log(`analysis of one edit (validate, lint, compile, examples): median ${median(analysis).toFixed(1)} ms, p95 ${p95(analysis).toFixed(1)} ms`);
  console.log(`edit → table, YAML, findings and examples updated in the DOM: median ${median(timings).toFixed(1)} ms, p95 ${p95(timings).toFixed(1)} ms over ${timings.length} edits`);
  console.log(`edit → next animation frame: median ${median(painted).toFixed(1)} ms (includes waiting for the frame)`);
  console.log(`DOM update / 16 ms frame: ${(median(timings) / 16).toFixed(2)}`);
  console.log(`first page (home) JavaScript: ${homeJs} bytes`);

  // The tester's preview: the national sample workbook and one mission's CSV (bench/preview-measure.ts).
  const preview = await measurePreview(page, editor.base, root);
  for (const line of preview.lines) console.log(line);
  console.log(`mission page JavaScript before Monaco: ${missionEager} bytes; Monaco and its language chunks, loaded lazily: ${missionLazy} bytes`);
} finally {
  await browser.close();
  editor.stop();
}
