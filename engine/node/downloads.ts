// What the server's /downloads page offers provinces: the one-file `rubric` command (dist/rubric.mjs,
// engine/cli/build-file.ts) with its sha256, and the department's public key with its fingerprint.
// The fingerprint is the sha256 of department.pub exactly as downloaded (its PEM text), so a province
// checks it with the same command it checks rubric.mjs with (certutil or sha256sum).
import { readFileSync, statSync } from 'node:fs';
import { sha256Hex } from './digest.js';

/** A file offered for download: its bytes and their sha256 (hex). */
export interface Download {
  bytes: Uint8Array;
  sha256: string;
}

/** The department's public key as provinces get it: PEM text and its fingerprint. */
export interface PublishedKey {
  pem: string;
  /** sha256 (hex) of the PEM text's UTF-8 bytes: what `certutil -hashfile department.pub SHA256` prints. */
  fingerprint: string;
}

let held: { path: string; mtimeMs: number; size: number; download: Download } | undefined;

/**
 * The built file at `path` with its sha256, or undefined when it has not been built. Read again
 * only when the file changes (a rebuild), so the bytes and the digest served always agree.
 */
export function fileDownload(path: string): Download | undefined {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return undefined;
  }
  if (held && held.path === path && held.mtimeMs === stat.mtimeMs && held.size === stat.size) return held.download;
  const bytes = readFileSync(path);
  const download = { bytes, sha256: sha256Hex(bytes) };
  held = { path, mtimeMs: stat.mtimeMs, size: stat.size, download };
  return download;
}

/** The line `sha256sum` writes and `sha256sum -c` reads: `<hex>  <name>`. */
export function sha256sumLine(sha256: string, name: string): string {
  return `${sha256}  ${name}\n`;
}

/** A public key (PEM) with its fingerprint. */
export function publishedKey(pem: string): PublishedKey {
  return { pem, fingerprint: sha256Hex(pem) };
}
