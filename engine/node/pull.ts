// `rubric pull`: download a period's published rubrics from the department's server (or a static
// export of it), verify the signature and every digest, and swap the new bundle in only when all
// of it is good; otherwise keep the last good bundle and return the problem.
//
// What it downloads is not trusted until checked: every answer is read as a stream with a hard
// byte limit (pull-http.ts), compressed answers are refused rather than inflated, the manifest's
// shape is checked against schemas/manifest.schema.json before any field is used, every path
// written is resolved inside the staging folder, and only https:// servers are asked unless allowHttp is set.
import { createPublicKey } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PERIOD } from '../period.js';
import { bundleProblem, checkFile, checkManifest, type BundleProblem, type Manifest, type ManifestEntry } from './bundle.js';
import { fileLimit, inside, localBundle, missingFolders, removeCreated, reusable, type PullState } from './bundle-folder.js';
import { get, schemeProblem, type Fetched, type RequestOptions } from './pull-http.js';

export { bundleRubricPath } from './bundle-folder.js';

/** The largest manifest accepted, in bytes (a thousand missions take about 200 KiB). */
export const MAX_MANIFEST_BYTES = 1024 * 1024;
/** The largest signature accepted, in bytes (an Ed25519 signature is 88 characters of base64). */
export const MAX_SIGNATURE_BYTES = 4 * 1024;

/** How a pull went. */
export interface PullResult {
  status: 'updated' | 'unchanged';
  manifest: Manifest;
  downloaded: number;
  reused: number;
}

/** Options of a pull. */
export interface PullOptions extends RequestOptions {
  server: string;
  period: string;
  out: string;
  publicKey: string;
}

/** A refused pull: why. The last good bundle is kept. */
type Refusal = { problem: BundleProblem };

/** The server's URL once the period, the address and the public key are checked. */
function checkRequest(options: PullOptions): URL | Refusal {
  if (!PERIOD.test(options.period)) return { problem: bundleProblem('NOT_A_PERIOD', { period: options.period }) };
  let server: URL;
  try {
    server = new URL(options.server);
  } catch {
    return { problem: bundleProblem('NOT_A_SERVER', { server: options.server }) };
  }
  const scheme = schemeProblem(server, options.allowHttp);
  if (scheme) return { problem: scheme };
  try {
    if (createPublicKey(options.publicKey).asymmetricKeyType === 'ed25519') return server;
  } catch {
    // Not a key at all: the same problem as a key of another kind.
  }
  return { problem: bundleProblem('NOT_ED25519_KEY', {}) };
}

/** The manifest as served and checked, with its signature; or 'unchanged' with the held manifest on a 304. */
async function fetchManifest(
  base: string,
  options: PullOptions,
  local: { dir: string; state: PullState | undefined },
): Promise<{ unchanged: Manifest } | { fetched: Fetched; signature: Fetched; manifest: Manifest } | Refusal> {
  const { state, dir } = local;
  const answer = await get(`${base}/manifest.json`, options, { name: 'manifest.json', maxBytes: MAX_MANIFEST_BYTES }, state?.etag ? { 'if-none-match': state.etag } : {});
  if ('problem' in answer) return answer;
  if (answer.status === 304 && state) {
    const held = checkManifest({ bytes: readFileSync(join(dir, 'manifest.json')), signature: readFileSync(join(dir, 'manifest.sig'), 'utf8'), publicKey: options.publicKey, period: options.period });
    return 'problem' in held ? held : { unchanged: held.manifest };
  }
  if (answer.status === 404) return { problem: bundleProblem('NOTHING_PUBLISHED', { period: options.period }) };
  if (answer.status !== 200) return { problem: bundleProblem('SERVER_ANSWERED', { status: answer.status }) };
  const signature = await get(`${base}/manifest.sig`, options, { name: 'manifest.sig', maxBytes: MAX_SIGNATURE_BYTES });
  if ('problem' in signature) return signature;
  if (signature.status !== 200) return { problem: bundleProblem('NO_SIGNATURE', { status: signature.status }) };
  // The signature, then the manifest's shape, before any of its fields is used.
  const checked = checkManifest({
    bytes: answer.bytes,
    signature: new TextDecoder().decode(signature.bytes),
    publicKey: options.publicKey,
    period: options.period,
    ...(state ? { lastSequence: state.sequence } : {}),
  });
  return 'problem' in checked ? checked : { fetched: answer, signature, manifest: checked.manifest };
}

/** One file of the manifest: the held copy when it still checks, else downloaded and checked. */
async function fileBytes(base: string, dir: string, entry: ManifestEntry, options: PullOptions): Promise<{ bytes: Uint8Array; source: 'held' | 'downloaded' } | Refusal> {
  const held = reusable(dir, entry);
  if (held) return held;
  const file = await get(`${base}/${entry.path}`, options, fileLimit(entry));
  if ('problem' in file) return file;
  if (file.status !== 200) return { problem: bundleProblem('MISSING_FILE', { path: entry.path, status: file.status }) };
  const problem = checkFile(entry, file.bytes);
  return problem ? { problem } : { bytes: file.bytes, source: 'downloaded' };
}

/** Writes every file of the manifest into the staging folder; the counts, or the problem that stopped it. */
async function stage(base: string, dir: string, staging: string, manifest: Manifest, options: PullOptions): Promise<{ downloaded: number; reused: number } | Refusal> {
  let downloaded = 0;
  let reused = 0;
  for (const [index, entry] of manifest.missions.entries()) {
    const target = inside(staging, entry.path);
    if ('problem' in target) return target;
    const bytes = await fileBytes(base, dir, entry, options);
    if ('problem' in bytes) return bytes;
    if (bytes.source === 'held') reused++;
    else downloaded++;
    mkdirSync(dirname(target.path), { recursive: true });
    writeFileSync(target.path, bytes.bytes);
    options.log?.(`[${index + 1}/${manifest.missions.length}] ${entry.mission} r${entry.revision} ✓`);
  }
  return { downloaded, reused };
}

/** Puts the staged bundle in the period's place, the old one aside until the swap is done. */
function swapIn(staging: string, dir: string, previous: string): void {
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
}

/** Builds the new bundle beside the old one and swaps it in only when every file checks. */
async function replaceBundle(base: string, dir: string, got: { fetched: Fetched; signature: Fetched; manifest: Manifest }, options: PullOptions): Promise<PullResult | Refusal> {
  const { manifest } = got;
  const staging = join(options.out, `.${options.period}.incoming-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    mkdirSync(staging, { recursive: true });
    const counts = await stage(base, dir, staging, manifest, options);
    if ('problem' in counts) return counts;
    writeFileSync(join(staging, 'manifest.json'), got.fetched.bytes);
    writeFileSync(join(staging, 'manifest.sig'), got.signature.bytes);
    writeFileSync(join(staging, '.pull.json'), JSON.stringify({ etag: got.fetched.etag, sequence: manifest.sequence }) + '\n');
    swapIn(staging, dir, join(options.out, `.${options.period}.previous-${process.pid}`));
    options.log?.(`${options.period}: sequence ${manifest.sequence}, ${counts.downloaded} ดาวน์โหลด / downloaded, ${counts.reused} ใช้ของเดิม / reused`);
    return { status: 'updated', manifest, ...counts };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** The pull itself, once nothing has been created yet; a refusal is returned. */
async function pullChecked(options: PullOptions): Promise<PullResult | Refusal> {
  const server = checkRequest(options);
  if (!(server instanceof URL)) return server;
  const base = `${server.href.replace(/\/$/, '')}/api/v1/periods/${options.period}`;
  const local = localBundle(options.out, options.period);
  if ('problem' in local) return local;
  const got = await fetchManifest(base, options, local);
  if ('problem' in got) return got;
  if ('unchanged' in got) {
    options.log?.(`${options.period}: ไม่มีการเปลี่ยนแปลง / unchanged (sequence ${got.unchanged.sequence})`);
    return { status: 'unchanged', manifest: got.unchanged, downloaded: 0, reused: got.unchanged.missions.length };
  }
  return replaceBundle(base, local.dir, got, options);
}

/**
 * Pulls and verifies a period. A refusal (a bad answer, signature, manifest or file, or the disk
 * failing) is returned as a problem, the last good bundle kept and the folders made for it removed.
 */
export async function pullPeriod(options: PullOptions): Promise<PullResult | Refusal> {
  const created = missingFolders(options.out);
  let pulled: PullResult | Refusal;
  try {
    pulled = await pullChecked(options);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    pulled = { problem: bundleProblem('PULL_FAILED', { message }) };
  }
  if ('problem' in pulled) removeCreated(created);
  return pulled;
}
