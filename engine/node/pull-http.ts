// The pull's HTTP: one GET of a bundle file, read as a stream with a hard byte limit, never
// compressed, following redirects by hand (each checked like the first), retried on network
// faults and 5xx answers. A refusal stops at once and is never retried.
import { bundleProblem, type BundleProblem } from './bundle.js';

/** How long one request may take, answer and body together. */
const REQUEST_TIMEOUT_MS = 15_000;
/** How many redirects a request may follow. */
const MAX_REDIRECTS = 5;

/** What a request needs of the pull's options. */
export interface RequestOptions {
  token?: string;
  /** Allows a plain http:// server (a trusted local mirror, a test); otherwise only https://. */
  allowHttp?: boolean;
  log?: (line: string) => void;
  /** Attempts per request on network faults and 5xx answers (default 4). */
  attempts?: number;
  /** The first retry's wait in ms, doubled each time (default 250). */
  backoffMs?: number;
}

/** An answer: its status, its body (empty unless 200) and its ETag. */
export interface Fetched {
  status: number;
  bytes: Uint8Array;
  etag: string | null;
}

/** What is being downloaded, for messages, and the most bytes it may have. */
export interface Limit {
  name: string;
  maxBytes: number;
  /** True when maxBytes is the size the manifest states, not a general limit. */
  stated?: boolean;
}

/**
 * Unwinds a request that the server's answer refuses (too large, compressed, too many redirects):
 * thrown inside this module's reading and caught by `get`, which returns the problem.
 */
class Refused extends Error {
  constructor(readonly problem: BundleProblem) {
    super(problem.message.en);
  }
}

function tooLarge(limit: Limit): Refused {
  return new Refused(bundleProblem('TOO_LARGE', { kind: limit.stated ? 'stated' : 'limit', name: limit.name, maxBytes: limit.maxBytes }));
}

/** The problem with a URL that is not https:// (or http:// when allowed), or undefined. */
export function schemeProblem(url: URL, allowHttp: boolean | undefined): BundleProblem | undefined {
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && allowHttp) return undefined;
  return bundleProblem('NOT_HTTPS', { kind: url.protocol === 'http:' ? 'http' : 'other', shown: `${url.protocol}//${url.host}` });
}

/** Joins chunks into one array. */
function joined(chunks: Uint8Array[], total: number): Uint8Array {
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** Reads a response's body as a stream, refusing it as soon as it passes the limit. */
async function readLimited(response: Response, limit: Limit): Promise<Uint8Array> {
  const declared = response.headers.get('content-length');
  if (declared !== null && Number(declared) > limit.maxBytes) throw tooLarge(limit);
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit.maxBytes) throw tooLarge(limit);
      chunks.push(value);
    }
  } catch (error) {
    reader.cancel().catch(() => {});
    throw error;
  }
  return joined(chunks, total);
}

/** Reads one answer that is not a redirect: a 5xx is a fault to retry, a compressed body is refused. */
async function answer(response: Response, limit: Limit): Promise<Fetched> {
  if (response.status >= 500) {
    await response.body?.cancel().catch(() => {});
    throw new Error(`HTTP ${response.status}`);
  }
  if (response.status !== 200) {
    await response.body?.cancel().catch(() => {});
    return { status: response.status, bytes: new Uint8Array(), etag: null };
  }
  const encoding = (response.headers.get('content-encoding') ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity' && encoding !== '') {
    await response.body?.cancel().catch(() => {});
    throw new Refused(bundleProblem('COMPRESSED', { name: limit.name, encoding }));
  }
  const etag = response.headers.get('etag');
  return { status: 200, bytes: await readLimited(response, limit), etag: etag && etag.length <= 200 ? etag : null };
}

/** One request (following redirects by hand, each checked like the first); no retries. */
async function getOnce(url: string, options: RequestOptions, limit: Limit, headers: Record<string, string>): Promise<Fetched> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, REQUEST_TIMEOUT_MS);
  const origin = new URL(url).origin;
  try {
    let target = new URL(url);
    for (let hop = 0; ; hop++) {
      const refused = schemeProblem(target, options.allowHttp);
      if (refused) throw new Refused(refused);
      const response = await fetch(target, {
        headers: {
          ...headers,
          // Never a compressed answer: a small body must not inflate into a large one.
          'accept-encoding': 'identity',
          // The token goes only to the server it was given for.
          ...(options.token && target.origin === origin ? { authorization: `Bearer ${options.token}` } : {}),
        },
        redirect: 'manual',
        signal: controller.signal,
      });
      const location = response.headers.get('location');
      if (![301, 302, 303, 307, 308].includes(response.status) || !location) return await answer(response, limit);
      await response.body?.cancel().catch(() => {});
      if (hop >= MAX_REDIRECTS) throw new Refused(bundleProblem('TOO_MANY_REDIRECTS', { name: limit.name, max: MAX_REDIRECTS }));
      target = new URL(location, target);
    }
  } catch (error) {
    if (timedOut && !(error instanceof Refused)) throw new Error(`no complete answer within ${REQUEST_TIMEOUT_MS / 1000} s`);
    throw error;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

/** A GET with retries on network faults and 5xx answers; returns the answer, or the problem that refuses it (never retried). */
export async function get(url: string, options: RequestOptions, limit: Limit, headers: Record<string, string> = {}): Promise<Fetched | { problem: BundleProblem }> {
  const attempts = options.attempts ?? 4;
  let wait = options.backoffMs ?? 250;
  let lastError = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await getOnce(url, options, limit, headers);
    } catch (error) {
      if (error instanceof Refused) return { problem: error.problem };
      lastError = (error as Error).message;
      if (attempt < attempts) {
        options.log?.(`  ลองใหม่ / retrying ${url} in ${wait} ms (${lastError})`);
        await new Promise((r) => setTimeout(r, wait));
        wait *= 2;
      }
    }
  }
  return { problem: bundleProblem('DOWNLOAD_FAILED', { url, attempts, error: lastError }) };
}
