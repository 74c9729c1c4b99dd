// npm run bench:editor [-- --json]: in Chromium against the built editor, the time from an edit in
// the threshold table to the findings and example grades in the DOM being those of the edited text
// (median and p95 over 40 edits), for the largest rubric and for a synthetic one ten times its size
// (bench/big-rubric.ts, saved as a draft through the page's save action), with the page's longest
// task meanwhile; when the table is usable and when Monaco starts loading; how much JavaScript the
// pages load; and the tester's preview (bench/preview-measure.ts). With --json the last line is one
// JSON object.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { listRubricFiles } from '../engine/node/rubric-files.js';
import { launchChromium, startEditor } from '../test/browser/harness.js';
import { multipliedRubric } from './big-rubric.js';
import { measureEdits, openMission, summary, type EditTimes, type PageLoad } from './editor-edits.js';
import { measurePreview } from './preview-measure.js';

const asJson = process.argv.includes('--json');
const EDITS = 40;
// Built to dist-bench/bench/, two levels below the project.
const root = join(import.meta.dirname, '../..');
const client = join(root, '.svelte-kit/output/client');
const round = (x: number) => Math.round(x * 10) / 10;

/** Vite's manifest of the client build: each chunk's file and what it imports. */
type Manifest = Record<string, { file: string; imports?: string[]; dynamicImports?: string[]; isEntry?: boolean }>;
const manifest = JSON.parse(readFileSync(join(client, '.vite/manifest.json'), 'utf8')) as Manifest;

/** The files reached from the manifest's `starts` through static imports (and dynamic ones too when `dynamic`), none of `skip`. */
function reached(starts: string[], dynamic: boolean, skip = new Set<string>()): Set<string> {
  const found = new Set<string>();
  const visit = (key: string): void => {
    const chunk = manifest[key];
    if (!chunk || found.has(chunk.file) || skip.has(chunk.file)) return;
    found.add(chunk.file);
    [...(chunk.imports ?? []), ...(dynamic ? (chunk.dynamicImports ?? []) : [])].forEach(visit);
  };
  starts.forEach(visit);
  return found;
}

/** The files the app's entries import statically: what a page needs before anything lazy. */
const eagerFiles = (): Set<string> => reached(Object.keys(manifest).filter((k) => manifest[k]!.isEntry), false);

/** Monaco's chunks (files): what the manifest reaches from Monaco's and monaco-yaml's modules, less the eager ones. */
const monacoFiles = (eager: Set<string>): Set<string> => reached(Object.keys(manifest).filter((k) => /monaco-editor|monaco-yaml|yaml\.worker|editor\.worker/.test(k)), true, eager);

/** The built analysis and impact workers' sizes in bytes (Vite bundles each whole, under _app/immutable/workers/). */
function workerBytes(): number {
  const dir = join(client, '_app/immutable/workers');
  return readdirSync(dir)
    .filter((f) => f.startsWith('live.worker') || f.startsWith('impact.worker'))
    .reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
}

/** Saves `yaml` over the mission's draft through the page's save action, as the Save button posts it. */
async function saveDraft(page: Page, url: string, yaml: string): Promise<void> {
  await page.goto(url);
  const version = await page.locator('input[name=version]').first().inputValue();
  const response = await page.request.post(`${url}?/save`, {
    multipart: { yaml, version },
    headers: { origin: new URL(url).origin, 'x-sveltekit-action': 'true' },
  });
  const body = await response.text();
  if (!response.ok() || !body.includes('saved')) throw new Error(`saving the big draft failed: ${response.status()} ${body.slice(0, 300)}`);
}

function printEdits(name: string, load: PageLoad, edits: EditTimes): void {
  const f = summary(edits.findings);
  const d = summary(edits.firstDom);
  const a = summary(edits.analysis);
  console.log(`${name}: table usable at ${round(load.tableMs)} ms; Monaco asked for at ${round(load.monacoStartMs)} ms, first chunk fetched at ${round(load.monacoFetchMs)} ms, ready at ${round(load.monacoReadyMs)} ms`);
  console.log(`  reading of one edit (parse, validate, lint, compile, examples): median ${round(a.median)} ms, p95 ${round(a.p95)} ms`);
  console.log(`  edit → first DOM change (table, YAML): median ${round(d.median)} ms, p95 ${round(d.p95)} ms`);
  console.log(`  edit → findings and examples of the edited text in the DOM: median ${round(f.median)} ms, p95 ${round(f.p95)} ms over ${edits.findings.length} edits (${edits.skipped} skipped)`);
  console.log(`  longest main-thread task during the edits: ${round(edits.longestTaskMs)} ms (0: none over 50 ms)`);
}

const editor = await startEditor([{ username: 'bench', role: 'publisher', password: 'lotus-pond-quiet-4' }]);
// Interrupted, the bench still stops the server and removes its temporary database.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    editor.stop();
    process.exit(130);
  });
}
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
  const url = `${editor.base}/p/2567-Q4/${mission}`;
  const eager = eagerFiles();
  const isEager = (p: string) => [...eager].some((f) => p.endsWith(f));
  const monaco = monacoFiles(eager);
  const isMonaco = (p: string) => [...monaco].some((f) => p.endsWith(f)) || /\/workers\/(yaml|editor)\.worker/.test(p);
  scripts.clear();
  const load = await openMission(page, url, isMonaco);
  let missionEager = 0;
  let missionLazy = 0;
  let missionWorkers = 0;
  for (const [p, size] of scripts) {
    if (isEager(p)) missionEager += size;
    else if (isMonaco(p)) missionLazy += size;
    else missionWorkers += size;
  }
  const inputs = await page.locator('input[data-testid$="-value"]:not([disabled])').count();
  const edits = await measureEdits(page, EDITS);

  // The same rubric ten times over, saved as its draft and edited the same way.
  const bigYaml = multipliedRubric(await page.locator('input[name=yaml]').inputValue(), 10);
  await saveDraft(page, url, bigYaml);
  const bigLoad = await openMission(page, url, isMonaco);
  const bigInputs = await page.locator('input[data-testid$="-value"]:not([disabled])').count();
  const bigEdits = await measureEdits(page, EDITS);

  console.log(`largest rubric: ${mission} (${statSync(path).size} bytes, ${inputs} threshold inputs)`);
  printEdits('largest rubric', load, edits);
  console.log(`ten times: ${Buffer.byteLength(bigYaml)} bytes, ${bigInputs} threshold inputs`);
  printEdits('ten times', bigLoad, bigEdits);
  const findings = summary(edits.findings);
  const bigFindings = summary(bigEdits.findings);
  console.log(`edit → findings p95 / 16 ms frame: ${(findings.p95 / 16).toFixed(2)}`);
  console.log(`first page (home) JavaScript: ${homeJs} bytes`);

  // The tester's preview: the national sample workbook and one mission's CSV (bench/preview-measure.ts).
  const preview = await measurePreview(page, editor.base, root);
  for (const line of preview.lines) console.log(line);
  const worker = workerBytes();
  console.log(`mission page JavaScript before Monaco: ${missionEager} bytes; Monaco and its language chunks, loaded lazily: ${missionLazy} bytes; the page's other lazy scripts (the workers' loaders, and the workers where the browser reports them): ${missionWorkers} bytes; analysis and impact workers as built: ${worker} bytes`);
  if (asJson) {
    console.log(
      JSON.stringify({
        editorMedianMs: round(findings.median),
        editorP95Ms: round(findings.p95),
        editorMedianMs10x: round(bigFindings.median),
        editorP95Ms10x: round(bigFindings.p95),
        editorLongestTaskMs: round(edits.longestTaskMs),
        editorLongestTaskMs10x: round(bigEdits.longestTaskMs),
        tableInteractiveMs: round(load.tableMs),
        monacoFetchStartMs: round(load.monacoFetchMs),
        monacoReadyMs: round(load.monacoReadyMs),
        previewMs: round(preview.workbookMs),
        homeJsBytes: homeJs,
        missionJsBytes: missionEager,
        monacoJsBytes: missionLazy,
        analysisWorkerBytes: worker,
      }),
    );
  }
} finally {
  await browser.close();
  editor.stop();
}
