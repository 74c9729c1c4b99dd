// The child process of `rubric export` that writes the public site's pages and files: it starts the
// built SvelteKit server (build/handler.js) on a port of 127.0.0.1 with RUBRIC_STATIC_EXPORT=1, walks
// the site from the published criteria, the downloads page and the public API, and prints what it
// wrote as one line of JSON. A process of its own, so that the server's store, settings and workers
// are this export's alone and end with it.
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { crawl } from './crawl.js';

/** The API's list of periods, as the server answers it. */
interface PeriodList {
  periods: { period: string; manifest: string; signature: string }[];
}

/**
 * The files that go with one the pages link to: a rubric file's JSON form beside its YAML (r1.yaml →
 * r1.json) and the mission's "latest" files; a Word file's copy in Arabic digits (otop.docx →
 * otop.arabic.docx), which the page links to only once switched to Arabic digits in the browser.
 */
function companions(path: string): string[] {
  const file = /^(\/api\/v1\/periods\/[^/]+\/missions\/[^/]+\/)r[1-9][0-9]*\.yaml$/.exec(path);
  if (file) return [path.replace(/\.yaml$/, '.json'), `${file[1]}latest.yaml`, `${file[1]}latest.json`];
  if (path.startsWith('/criteria/') && path.endsWith('.docx') && !path.endsWith('.arabic.docx')) return [path.replace(/\.docx$/, '.arabic.docx')];
  return [];
}

/** The public API's first files: each published period's manifest, signature, bundle and listed rubric files. */
async function apiStart(get: (path: string) => Promise<Response>, out: string): Promise<string[]> {
  const answer = await get('/api/v1/periods');
  if (answer.status !== 200) throw new Error(`/api/v1/periods answered ${answer.status}`);
  const body = await answer.text();
  // /api/v1/periods is a folder in the copy, so the list is a file beside it.
  mkdirSync(join(out, 'api', 'v1'), { recursive: true });
  writeFileSync(join(out, 'api', 'v1', 'periods.json'), body);
  const start: string[] = [];
  for (const { period, manifest, signature } of (JSON.parse(body) as PeriodList).periods) {
    start.push(manifest, signature, `/api/v1/periods/${period}/bundle.json`);
    const answered = await get(manifest);
    if (answered.status !== 200) throw new Error(`${manifest} answered ${answered.status}`);
    const listed = (await answered.json()) as { missions: { path: string }[] };
    for (const entry of listed.missions) start.push(`/api/v1/periods/${period}/${entry.path}`);
  }
  return start;
}

async function main(): Promise<void> {
  const [handlerFile, out] = process.argv.slice(2);
  if (!handlerFile || !out) throw new Error('usage: render-site.js <build/handler.js> <out>');
  const { handler } = (await import(pathToFileURL(handlerFile).href)) as { handler: RequestListener };
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = (path: string) => fetch(base + path.split('/').map(encodeURIComponent).join('/'), { redirect: 'manual' });
  try {
    const start = ['/criteria', '/downloads', ...(await apiStart(get, out))];
    const present = new Set(['/api/v1/periods']);
    const done = await crawl(get, out, start, { skip: ['/_app/'], present, workers: 4, also: companions });
    process.stdout.write(`${JSON.stringify({ pages: done.pages, files: [...done.files, '/api/v1/periods.json'], bytes: done.bytes })}\n`);
  } finally {
    server.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
