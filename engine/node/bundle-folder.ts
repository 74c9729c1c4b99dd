// A pulled bundle on disk: paths kept inside its folder, its saved pull state, the files of the
// last good bundle that can be reused, and finding a mission's checked rubric file for grading.
import { existsSync, readdirSync, readFileSync, rmdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { MAX_RUBRIC_BYTES } from '../load.js';
import { bundleProblem, checkFile, type BundleProblem, type Manifest, type ManifestEntry } from './bundle.js';
import type { Limit } from './pull-http.js';

/** A path inside a folder, or the problem when it would resolve anywhere else. */
export function inside(root: string, path: string): { path: string } | { problem: BundleProblem } {
  const full = resolve(root, path);
  const rel = relative(root, full);
  if (rel === '' || rel === '..' || rel.startsWith('..' + sep) || isAbsolute(rel)) return { problem: bundleProblem('OUTSIDE_BUNDLE', { path }) };
  return { path: full };
}

/** What the last pull of a period saved: the manifest's ETag and sequence. */
export interface PullState {
  etag: string | null;
  sequence: number;
}

/** The period folder's place in the output, and its saved state (none before the first pull); the problem when the state is damaged. */
export function localBundle(out: string, period: string): { dir: string; state: PullState | undefined } | { problem: BundleProblem } {
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
    return { problem: bundleProblem('STATE_DAMAGED', { statePath, dir }) };
  }
  return { dir, state: { etag: (s.etag as string | null | undefined) ?? null, sequence: s.sequence as number } };
}

/** Removes the folders a failed pull created for --out, innermost first, while they are empty. */
export function removeCreated(created: string[]): void {
  for (const dir of created) {
    try {
      if (existsSync(dir) && readdirSync(dir).length === 0) rmdirSync(dir);
    } catch {
      return;
    }
  }
}

/** The folders of `dir` and its parents that do not exist yet, innermost first. */
export function missingFolders(dir: string): string[] {
  const missing: string[] = [];
  for (let d = resolve(dir); !existsSync(d); d = dirname(d)) {
    missing.push(d);
    if (dirname(d) === d) break;
  }
  return missing;
}

/** The bytes a file may have: the size its manifest states, else the rubric limit. */
export function fileLimit(entry: ManifestEntry): Limit {
  return entry.size !== undefined ? { name: entry.path, maxBytes: entry.size, stated: true } : { name: entry.path, maxBytes: MAX_RUBRIC_BYTES };
}

/** The held copy of a file, when the last good bundle has it and it still checks. */
export function reusable(dir: string, entry: ManifestEntry): { bytes: Uint8Array; source: 'held' } | undefined {
  try {
    const held = inside(dir, entry.path);
    if ('problem' in held) return undefined;
    const stat = statSync(held.path, { throwIfNoEntry: false });
    if (!stat?.isFile() || stat.size > fileLimit(entry).maxBytes) return undefined;
    const bytes = readFileSync(held.path);
    return checkFile(entry, bytes) ? undefined : { bytes, source: 'held' };
  } catch {
    return undefined;
  }
}

/** The file of a mission in a pulled bundle, after checking it against the bundle's manifest; the problem when it cannot be used. */
export function bundleRubricPath(bundle: string, period: string, mission: string): { path: string } | { problem: BundleProblem } {
  const dir = join(bundle, period);
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) return { problem: bundleProblem('NO_BUNDLE', { period, bundle }) };
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const entry = manifest.missions.find((m) => m.mission === mission);
  if (!entry) return { problem: bundleProblem('NO_MISSION', { mission, missions: manifest.missions.map((m) => m.mission) }) };
  const found = inside(dir, entry.path);
  if ('problem' in found) return found;
  const problem = checkFile(entry, readFileSync(found.path));
  return problem ? { problem } : found;
}
