// Walks the public site from its first pages, as a visitor who follows every link would, and writes
// each answer where a plain web server finds it: a page as <path>/index.html with its data as
// <path>/__data.json (for SvelteKit's in-page navigation), any other file at its own path. A link
// that the server does not answer with 200 stops the export: the copy never has a broken link.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sitePaths, staticPage } from './static-html.js';

/** How the crawl asks the server for a path (GET, no redirects followed). */
export type Get = (path: string) => Promise<Response>;

/** What the crawl wrote. */
export interface Crawled {
  pages: string[];
  files: string[];
  bytes: number;
}

/** A path the copy may hold: letters, digits and a few marks, no empty or dot segment. */
const SAFE_PATH = /^(\/[A-Za-z0-9_~\u0e00-\u0e7f][A-Za-z0-9._~\-\u0e00-\u0e7f]*)+$/;

/** Where a path's answer is written under `out`. */
function fileFor(out: string, path: string, page: boolean, name = 'index.html'): string {
  if (!SAFE_PATH.test(path) || path.split('/').some((s) => s === '..' || s === '.')) throw new Error(`a link names a path the copy cannot hold: ${path}`);
  return page ? join(out, path, name) : join(out, path);
}

/** Writes bytes, making the folders on the way. */
function write(path: string, body: string | Uint8Array): number {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, body);
  return typeof body === 'string' ? Buffer.byteLength(body) : body.length;
}

/** One path fetched and written; its links, for a page. */
async function copyOne(get: Get, out: string, path: string, done: Crawled): Promise<string[]> {
  const answer = await get(path);
  if (answer.status !== 200) throw new Error(`${path} answered ${answer.status}${answer.headers.get('location') ? ` → ${answer.headers.get('location')}` : ''}`);
  if (!(answer.headers.get('content-type') ?? '').startsWith('text/html')) {
    done.bytes += write(fileFor(out, path, false), new Uint8Array(await answer.arrayBuffer()));
    done.files.push(path);
    return [];
  }
  const html = staticPage(await answer.text(), answer.headers.get('content-security-policy'));
  done.bytes += write(fileFor(out, path, true), html);
  const data = await get(`${path}/__data.json`);
  if (data.status !== 200) throw new Error(`${path}/__data.json answered ${data.status}`);
  done.bytes += write(fileFor(out, path, true, '__data.json'), new Uint8Array(await data.arrayBuffer()));
  done.pages.push(path);
  return sitePaths(html);
}

/**
 * Copies every path reachable from `start` through links, `workers` at a time. Paths under
 * `skip` (the built scripts and styles, copied whole) are not fetched; the paths in `present`
 * were written before and are not fetched again; `also` names the paths that go with one (a
 * rubric file's JSON form beside its YAML).
 */
export async function crawl(
  get: Get,
  out: string,
  start: string[],
  options: { skip: string[]; present: Set<string>; workers: number; also?: (path: string) => string[] },
): Promise<Crawled> {
  const done: Crawled = { pages: [], files: [], bytes: 0 };
  const seen = new Set<string>();
  const queue: { path: string; from: string }[] = [];
  const add = (path: string, from: string) => {
    if (seen.has(path) || options.present.has(path) || options.skip.some((p) => path.startsWith(p))) return;
    seen.add(path);
    queue.push({ path, from });
    for (const more of options.also?.(path) ?? []) add(more, from);
  };
  for (const path of start) add(path, 'start');
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      try {
        for (const link of await copyOne(get, out, next.path, done)) add(link, next.path);
      } catch (error) {
        throw new Error(`${(error as Error).message} (linked from ${next.from})`);
      }
    }
  };
  // A worker that finds its queue empty while another is still fetching a page may stop early; the
  // loop starts workers again until nothing is left.
  while (queue.length > 0) await Promise.all(Array.from({ length: options.workers }, worker));
  done.pages.sort();
  done.files.sort();
  return done;
}
