// `rubric pull`: download a period's published rubrics from the department's server (or a static
// export of it), verify the signature and every digest, and swap the new bundle in only when all
// of it is good; otherwise keep the last good bundle.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BundleError, checkFile, checkManifest, type Manifest } from './bundle.js';

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

async function get(url: string, options: PullOptions, headers: Record<string, string> = {}): Promise<Fetched> {
  const attempts = options.attempts ?? 4;
  let wait = options.backoffMs ?? 250;
  let lastError = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const response = await fetch(url, {
        headers: { ...headers, ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
        signal: AbortSignal.timeout(15_000),
      });
      if (response.status >= 500) throw new Error(`HTTP ${response.status}`);
      return { status: response.status, bytes: new Uint8Array(await response.arrayBuffer()), etag: response.headers.get('etag') };
    } catch (error) {
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

/** The period folder's place in the output, and its saved state. */
function local(out: string, period: string) {
  const dir = join(out, period);
  const statePath = join(dir, '.pull.json');
  const state = existsSync(statePath) ? (JSON.parse(readFileSync(statePath, 'utf8')) as { etag: string | null; sequence: number }) : undefined;
  return { dir, state };
}

/** Pulls and verifies a period; throws BundleError (and keeps the last good bundle) when anything is wrong. */
export async function pullPeriod(options: PullOptions): Promise<PullResult> {
  const base = `${options.server.replace(/\/$/, '')}/api/v1/periods/${options.period}`;
  const { dir, state } = local(options.out, options.period);
  const log = options.log ?? (() => {});
  const manifestResponse = await get(`${base}/manifest.json`, options, state?.etag ? { 'if-none-match': state.etag } : {});
  if (manifestResponse.status === 304 && state) {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    log(`${options.period}: ไม่มีการเปลี่ยนแปลง / unchanged (sequence ${manifest.sequence})`);
    return { status: 'unchanged', manifest, downloaded: 0, reused: manifest.missions.length };
  }
  if (manifestResponse.status === 404) throw new BundleError(`ไม่มีเกณฑ์ที่เผยแพร่ในไตรมาส ${options.period}`, `the server has nothing published for ${options.period}`);
  if (manifestResponse.status !== 200) throw new BundleError(`เซิร์ฟเวอร์ตอบ ${manifestResponse.status}`, `the server answered ${manifestResponse.status} for the manifest`);
  const signature = await get(`${base}/manifest.sig`, options);
  if (signature.status !== 200) throw new BundleError('ไม่มีลายมือชื่อของ manifest', `no manifest signature (HTTP ${signature.status})`);
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
    for (const [index, entry] of manifest.missions.entries()) {
      const held = join(dir, entry.path);
      let bytes: Uint8Array | undefined;
      if (existsSync(held)) {
        const old = readFileSync(held);
        try {
          checkFile(entry, old);
          bytes = old;
          reused++;
        } catch {
          bytes = undefined;
        }
      }
      if (!bytes) {
        const file = await get(`${base}/${entry.path}`, options);
        if (file.status !== 200) throw new BundleError(`ไม่มีไฟล์ ${entry.path} (HTTP ${file.status})`, `missing file ${entry.path} (HTTP ${file.status})`);
        checkFile(entry, file.bytes);
        bytes = file.bytes;
        downloaded++;
      }
      mkdirSync(dirname(join(staging, entry.path)), { recursive: true });
      writeFileSync(join(staging, entry.path), bytes);
      log(`[${index + 1}/${manifest.missions.length}] ${entry.mission} r${entry.revision} ✓`);
    }
    writeFileSync(join(staging, 'manifest.json'), manifestResponse.bytes);
    writeFileSync(join(staging, 'manifest.sig'), signature.bytes);
    writeFileSync(join(staging, '.pull.json'), JSON.stringify({ etag: manifestResponse.etag, sequence: manifest.sequence }) + '\n');
    const previous = join(options.out, `.${options.period}.previous-${process.pid}`);
    if (existsSync(dir)) renameSync(dir, previous);
    renameSync(staging, dir);
    rmSync(previous, { recursive: true, force: true });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  log(`${options.period}: sequence ${manifest.sequence}, ${downloaded} ดาวน์โหลด / downloaded, ${reused} ใช้ของเดิม / reused`);
  return { status: 'updated', manifest, downloaded, reused };
}

/** The file of a mission in a pulled bundle, after checking it against the bundle's manifest. */
export function bundleRubricPath(bundle: string, period: string, mission: string): string {
  const dir = join(bundle, period);
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new BundleError(`ไม่มีชุดเกณฑ์ไตรมาส ${period} ใน ${bundle}`, `no bundle for ${period} in ${bundle} (run rubric pull first)`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const entry = manifest.missions.find((m) => m.mission === mission);
  if (!entry) throw new BundleError(`ชุดเกณฑ์ไม่มีภารกิจ ${mission}`, `the bundle has no mission ${mission} (missions: ${manifest.missions.map((m) => m.mission).join(', ')})`);
  const path = join(dir, entry.path);
  checkFile(entry, readFileSync(path));
  return path;
}
