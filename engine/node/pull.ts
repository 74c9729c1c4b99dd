// `rubric pull`: download a period's published rubrics from the department's server (or a static
// export of it), verify the signature and every digest, and swap the new bundle in only when all
// of it is good; otherwise keep the last good bundle.
//
// What it downloads is not trusted until checked: every answer is read as a stream with a hard
// byte limit (the manifest, its signature, each file at the size its manifest states or the rubric
// limit), compressed answers are refused rather than inflated, the manifest's shape is checked
// against schemas/manifest.schema.json before any field is used, every path written is resolved
// inside the staging folder, and only https:// servers are asked unless allowHttp is set.
import { createPublicKey } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { BundleError, checkFile, checkManifest, type Manifest, type ManifestEntry } from './bundle.js';
import { MAX_RUBRIC_BYTES } from '../load.js';
import { PERIOD } from '../period.js';

/** The largest manifest accepted, in bytes (a thousand missions take about 200 KiB). */
export const MAX_MANIFEST_BYTES = 1024 * 1024;
/** The largest signature accepted, in bytes (an Ed25519 signature is 88 characters of base64). */
export const MAX_SIGNATURE_BYTES = 4 * 1024;
/** How long one request may take, answer and body together. */
const REQUEST_TIMEOUT_MS = 15_000;
/** How many redirects a request may follow. */
const MAX_REDIRECTS = 5;

/** How a pull went. */
export interface PullResult {
  status: 'updated' | 'unchanged';
  manifest: Manifest;
  downloaded: number;
  reused: number;
}

/** Options of a pull. */
export interface PullOptions {
  server: string;
  period: string;
  out: string;
  publicKey: string;
  token?: string;
  /** Allows a plain http:// server (a trusted local mirror, a test); otherwise only https://. */
  allowHttp?: boolean;
  /** Progress lines for people. */
  log?: (line: string) => void;
  /** Attempts per request on network faults and 5xx answers (default 4). */
  attempts?: number;
  /** The first retry's wait in ms, doubled each time (default 250). */
  backoffMs?: number;
}

interface Fetched {
  status: number;
  bytes: Uint8Array;
  etag: string | null;
}

/** What is being downloaded, for messages, and the most bytes it may have. */
interface Limit {
  name: string;
  maxBytes: number;
  /** True when maxBytes is the size the manifest states, not a general limit. */
  stated?: boolean;
}

function sizeText(bytes: number, unit: string): string {
  const MiB = 1024 * 1024;
  const round = bytes >= MiB && bytes % MiB === 0 ? ` (${bytes / MiB} MiB)` : bytes >= 1024 && bytes % 1024 === 0 ? ` (${bytes / 1024} KiB)` : '';
  return `${bytes} ${unit}${round}`;
}

function tooLarge(limit: Limit): BundleError {
  return limit.stated
    ? new BundleError(`ไฟล์ ${limit.name} ใหญ่กว่า ${limit.maxBytes} ไบต์ที่ manifest ระบุ`, `${limit.name} is larger than the ${limit.maxBytes} bytes the manifest states`)
    : new BundleError(`${limit.name} ใหญ่เกินขีดจำกัด ${sizeText(limit.maxBytes, 'ไบต์')}`, `${limit.name} is larger than ${sizeText(limit.maxBytes, 'bytes')}, the most accepted`);
}

/** Refuses a URL that is not https:// (or http:// when allowed). */
function checkScheme(url: URL, allowHttp: boolean | undefined): void {
  if (url.protocol === 'https:') return;
  if (url.protocol === 'http:' && allowHttp) return;
  const shown = `${url.protocol}//${url.host}`;
  throw new BundleError(
    url.protocol === 'http:'
      ? `${shown} ไม่ใช่ https:// จึงไม่ดึง (ใช้เซิร์ฟเวอร์ https:// หรือใส่ --allow-http สำหรับเซิร์ฟเวอร์ในเครื่องหรือทดสอบที่ไว้ใจได้)`
      : `${shown} ไม่ใช่ที่อยู่ https://`,
    url.protocol === 'http:'
      ? `${shown} is plain http, not https://; use an https:// server, or --allow-http for a trusted local or test server`
      : `${shown} is not an https:// address`,
  );
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
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** One request (following redirects by hand, each checked like the first); no retries. */
async function getOnce(url: string, options: PullOptions, limit: Limit, headers: Record<string, string>): Promise<Fetched> {
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
      checkScheme(target, options.allowHttp);
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
      if ([301, 302, 303, 307, 308].includes(response.status) && location) {
        await response.body?.cancel().catch(() => {});
        if (hop >= MAX_REDIRECTS) throw new BundleError(`${limit.name}: ส่งต่อเกิน ${MAX_REDIRECTS} ครั้ง`, `${limit.name}: more than ${MAX_REDIRECTS} redirects`);
        target = new URL(location, target);
        continue;
      }
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
        throw new BundleError(
          `เซิร์ฟเวอร์ส่ง ${limit.name} แบบบีบอัด (content-encoding ${encoding}) ซึ่งไม่รับ: รับเฉพาะแบบไม่บีบอัด (identity)`,
          `the server sent ${limit.name} with content-encoding ${encoding}; compressed answers are refused (only identity)`,
        );
      }
      const etag = response.headers.get('etag');
      return { status: 200, bytes: await readLimited(response, limit), etag: etag && etag.length <= 200 ? etag : null };
    }
  } catch (error) {
    if (timedOut && !(error instanceof BundleError)) throw new Error(`no complete answer within ${REQUEST_TIMEOUT_MS / 1000} s`);
    throw error;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

/** A GET with retries on network faults and 5xx answers; a refusal (BundleError) is never retried. */
async function get(url: string, options: PullOptions, limit: Limit, headers: Record<string, string> = {}): Promise<Fetched> {
  const attempts = options.attempts ?? 4;
  let wait = options.backoffMs ?? 250;
  let lastError = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await getOnce(url, options, limit, headers);
    } catch (error) {
      if (error instanceof BundleError) throw error;
      lastError = (error as Error).message;
      if (attempt < attempts) {
        options.log?.(`  ลองใหม่ / retrying ${url} in ${wait} ms (${lastError})`);
        await new Promise((r) => setTimeout(r, wait));
        wait *= 2;
      }
    }
  }
  throw new BundleError(`ดาวน์โหลด ${url} ไม่ได้ (${lastError})`, `cannot download ${url} after ${attempts} attempts (${lastError})`);
}

/** A path inside a folder; refuses one that would resolve anywhere else. */
function inside(root: string, path: string): string {
  const full = resolve(root, path);
  const rel = relative(root, full);
  if (rel === '' || rel === '..' || rel.startsWith('..' + sep) || isAbsolute(rel)) {
    throw new BundleError(`เส้นทาง ${JSON.stringify(path)} อยู่นอกโฟลเดอร์ของชุดเกณฑ์`, `the path ${JSON.stringify(path)} leads outside the bundle's folder`);
  }
  return full;
}

/** The period folder's place in the output, and its saved state. */
function local(out: string, period: string) {
  const dir = join(out, period);
  const statePath = join(dir, '.pull.json');
  if (!existsSync(statePath)) return { dir, state: undefined };
  let state: unknown;
  try {
    state = JSON.parse(readFileSync(statePath, 'utf8'));
  } catch {
    state = undefined;
  }
  const s = state as { etag?: unknown; sequence?: unknown } | undefined;
  if (!s || typeof s !== 'object' || !Number.isSafeInteger(s.sequence) || !(s.etag === null || s.etag === undefined || typeof s.etag === 'string')) {
    throw new BundleError(`ไฟล์สถานะ ${statePath} เสียหาย (ย้ายโฟลเดอร์ ${dir} ออกก่อนแล้วดึงใหม่)`, `the saved state ${statePath} is damaged (move ${dir} aside and pull again)`);
  }
  return { dir, state: { etag: (s.etag as string | null | undefined) ?? null, sequence: s.sequence as number } };
}

/** Removes the folders a failed pull created for --out, innermost first, while they are empty. */
function removeCreated(created: string[]): void {
  for (const dir of created) {
    try {
      if (existsSync(dir) && readdirSync(dir).length === 0) rmdirSync(dir);
    } catch {
      return;
    }
  }
}

/** The folders of `dir` and its parents that do not exist yet, innermost first. */
function missingFolders(dir: string): string[] {
  const missing: string[] = [];
  for (let d = resolve(dir); !existsSync(d); d = dirname(d)) {
    missing.push(d);
    if (dirname(d) === d) break;
  }
  return missing;
}

/** Pulls and verifies a period; throws BundleError (and keeps the last good bundle) when anything is wrong. */
export async function pullPeriod(options: PullOptions): Promise<PullResult> {
  const created = missingFolders(options.out);
  try {
    return await pullChecked(options);
  } catch (error) {
    removeCreated(created);
    if (error instanceof BundleError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new BundleError(`ดึงชุดเกณฑ์ไม่สำเร็จ: ${message}`, `the pull failed: ${message}`);
  }
}

async function pullChecked(options: PullOptions): Promise<PullResult> {
  if (!PERIOD.test(options.period)) {
    throw new BundleError(`ไตรมาส "${options.period}" ไม่ถูกต้อง (เช่น 2567-Q3)`, `"${options.period}" is not a period (e.g. 2567-Q3)`);
  }
  let server: URL;
  try {
    server = new URL(options.server);
  } catch {
    throw new BundleError(`${JSON.stringify(options.server)} ไม่ใช่ที่อยู่เซิร์ฟเวอร์`, `${JSON.stringify(options.server)} is not a server address (e.g. https://rubrics.cdd.go.th)`);
  }
  checkScheme(server, options.allowHttp);
  try {
    if (createPublicKey(options.publicKey).asymmetricKeyType !== 'ed25519') throw new Error('not ed25519');
  } catch {
    throw new BundleError('กุญแจสาธารณะไม่ใช่กุญแจ Ed25519 แบบ PEM', 'the public key is not an Ed25519 public key in PEM');
  }

  const base = `${server.href.replace(/\/$/, '')}/api/v1/periods/${options.period}`;
  const { dir, state } = local(options.out, options.period);
  const log = options.log ?? (() => {});
  const manifestResponse = await get(`${base}/manifest.json`, options, { name: 'manifest.json', maxBytes: MAX_MANIFEST_BYTES }, state?.etag ? { 'if-none-match': state.etag } : {});
  if (manifestResponse.status === 304 && state) {
    const held = checkManifest({
      bytes: readFileSync(join(dir, 'manifest.json')),
      signature: readFileSync(join(dir, 'manifest.sig'), 'utf8'),
      publicKey: options.publicKey,
      period: options.period,
    });
    log(`${options.period}: ไม่มีการเปลี่ยนแปลง / unchanged (sequence ${held.sequence})`);
    return { status: 'unchanged', manifest: held, downloaded: 0, reused: held.missions.length };
  }
  if (manifestResponse.status === 404) throw new BundleError(`ไม่มีเกณฑ์ที่เผยแพร่ในไตรมาส ${options.period}`, `the server has nothing published for ${options.period}`);
  if (manifestResponse.status !== 200) throw new BundleError(`เซิร์ฟเวอร์ตอบ ${manifestResponse.status}`, `the server answered ${manifestResponse.status} for the manifest`);
  const signature = await get(`${base}/manifest.sig`, options, { name: 'manifest.sig', maxBytes: MAX_SIGNATURE_BYTES });
  if (signature.status !== 200) throw new BundleError('ไม่มีลายมือชื่อของ manifest', `no manifest signature (HTTP ${signature.status})`);
  // The signature, then the manifest's shape, before any of its fields is used.
  const manifest = checkManifest({
    bytes: manifestResponse.bytes,
    signature: new TextDecoder().decode(signature.bytes),
    publicKey: options.publicKey,
    period: options.period,
    ...(state ? { lastSequence: state.sequence } : {}),
  });

  // Build the new bundle beside the old one; swap only when every file checks.
  const staging = join(options.out, `.${options.period}.incoming-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  let downloaded = 0;
  let reused = 0;
  try {
    mkdirSync(staging, { recursive: true });
    for (const [index, entry] of manifest.missions.entries()) {
      const target = inside(staging, entry.path);
      const bytes = reusable(dir, entry) ?? (await download(base, entry, options));
      if (bytes.source === 'held') reused++;
      else downloaded++;
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, bytes.bytes);
      log(`[${index + 1}/${manifest.missions.length}] ${entry.mission} r${entry.revision} ✓`);
    }
    writeFileSync(join(staging, 'manifest.json'), manifestResponse.bytes);
    writeFileSync(join(staging, 'manifest.sig'), signature.bytes);
    writeFileSync(join(staging, '.pull.json'), JSON.stringify({ etag: manifestResponse.etag, sequence: manifest.sequence }) + '\n');
    const previous = join(options.out, `.${options.period}.previous-${process.pid}`);
    rmSync(previous, { recursive: true, force: true });
    const hadBundle = existsSync(dir);
    if (hadBundle) renameSync(dir, previous);
    try {
      renameSync(staging, dir);
    } catch (error) {
      if (hadBundle) renameSync(previous, dir);
      throw error;
    }
    rmSync(previous, { recursive: true, force: true });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  log(`${options.period}: sequence ${manifest.sequence}, ${downloaded} ดาวน์โหลด / downloaded, ${reused} ใช้ของเดิม / reused`);
  return { status: 'updated', manifest, downloaded, reused };
}

/** The bytes a file may have: the size its manifest states, else the rubric limit. */
function fileLimit(entry: ManifestEntry): Limit {
  return entry.size !== undefined ? { name: entry.path, maxBytes: entry.size, stated: true } : { name: entry.path, maxBytes: MAX_RUBRIC_BYTES };
}

/** The held copy of a file, when the last good bundle has it and it still checks. */
function reusable(dir: string, entry: ManifestEntry): { bytes: Uint8Array; source: 'held' } | undefined {
  try {
    const held = inside(dir, entry.path);
    const stat = statSync(held, { throwIfNoEntry: false });
    if (!stat?.isFile() || stat.size > fileLimit(entry).maxBytes) return undefined;
    const bytes = readFileSync(held);
    checkFile(entry, bytes);
    return { bytes, source: 'held' };
  } catch {
    return undefined;
  }
}

async function download(base: string, entry: ManifestEntry, options: PullOptions): Promise<{ bytes: Uint8Array; source: 'downloaded' }> {
  const file = await get(`${base}/${entry.path}`, options, fileLimit(entry));
  if (file.status !== 200) throw new BundleError(`ไม่มีไฟล์ ${entry.path} (HTTP ${file.status})`, `missing file ${entry.path} (HTTP ${file.status})`);
  checkFile(entry, file.bytes);
  return { bytes: file.bytes, source: 'downloaded' };
}

/** The file of a mission in a pulled bundle, after checking it against the bundle's manifest. */
export function bundleRubricPath(bundle: string, period: string, mission: string): string {
  const dir = join(bundle, period);
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new BundleError(`ไม่มีชุดเกณฑ์ไตรมาส ${period} ใน ${bundle}`, `no bundle for ${period} in ${bundle} (run rubric pull first)`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const entry = manifest.missions.find((m) => m.mission === mission);
  if (!entry) throw new BundleError(`ชุดเกณฑ์ไม่มีภารกิจ ${mission}`, `the bundle has no mission ${mission} (missions: ${manifest.missions.map((m) => m.mission).join(', ')})`);
  const path = inside(dir, entry.path);
  checkFile(entry, readFileSync(path));
  return path;
}
