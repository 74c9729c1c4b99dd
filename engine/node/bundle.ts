// Signed bundles of published rubrics: the manifest a period publishes, its Ed25519 signature,
// and the checks a province makes before trusting what it downloaded. node:crypto does the crypto.
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { manifestProblems } from '../manifest.js';
import { problem, type CodeOf, type ParamsOf } from '../problems/catalogue.js';
import type { Problem } from '../problems/problem.js';
import { sha256 } from './digest.js';

/** sha256 of bytes as `sha256:<hex>` (the one helper, digest.ts), as the bundle's callers know it. */
export { sha256 };

/** The manifest format's name and version. */
export const MANIFEST_FORMAT = 'cdd-rubric-manifest/1';

/** One published rubric in a period's manifest. */
export interface ManifestEntry {
  mission: string;
  revision: number;
  /** sha256 of the file's bytes, `sha256:<hex>`. */
  digest: string;
  /** The file's path, relative to the period's folder: `missions/otop/r1.yaml`. */
  path: string;
  /** The file's size in bytes, when the manifest states it (a pull reads no more than this). */
  size?: number;
}

/** What a period has published: every mission's latest revision, signed as a whole. */
export interface Manifest {
  format: string;
  period: string;
  /** Grows with every publish in the period: an older manifest can never replace a newer one. */
  sequence: number;
  publishedAt: string;
  missions: ManifestEntry[];
}


/** The manifest as the exact bytes that are signed and served (stable key order, one per line). */
export function manifestBytes(manifest: Manifest): Uint8Array {
  const ordered: Manifest = {
    format: manifest.format,
    period: manifest.period,
    sequence: manifest.sequence,
    publishedAt: manifest.publishedAt,
    missions: [...manifest.missions]
      .sort((a, b) => a.mission.localeCompare(b.mission))
      .map((m) => ({ mission: m.mission, revision: m.revision, digest: m.digest, path: m.path, ...(m.size !== undefined ? { size: m.size } : {}) })),
  };
  return new TextEncoder().encode(JSON.stringify(ordered, null, 2) + '\n');
}

/** A new Ed25519 key pair, as PEM text (PKCS#8 private, SPKI public). */
export function generateKeys(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** The public key that goes with a private key, as PEM. */
export function publicKeyOf(privateKeyPem: string): string {
  return createPublicKey(createPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'pem' }).toString();
}

/** Signs bytes with an Ed25519 private key; the signature as base64 text. */
export function signBytes(bytes: Uint8Array, privateKeyPem: string): string {
  return sign(null, bytes, createPrivateKey(privateKeyPem)).toString('base64') + '\n';
}

/** True when a base64 signature over the bytes verifies with the public key. */
export function verifyBytes(bytes: Uint8Array, signature: string, publicKeyPem: string): boolean {
  try {
    return verify(null, bytes, createPublicKey(publicKeyPem), Buffer.from(signature.trim(), 'base64'));
  } catch {
    return false;
  }
}

/** Why a bundle is refused: a problem of the catalogue's `bundle` group. */
export type BundleProblem = Problem<CodeOf<'bundle'>>;

/** Makes a bundle problem, its words from the catalogue. */
export function bundleProblem<C extends CodeOf<'bundle'>>(code: C, params: ParamsOf<'bundle', C>): BundleProblem {
  return problem('bundle', code, params);
}

/**
 * Checks downloaded manifest bytes: the signature, then its shape against the manifest schema
 * (before any field is used), the period, and that it is not older than the manifest already
 * trusted (a replay). Returns the manifest, or the problem that refuses it.
 */
export function checkManifest(options: {
  bytes: Uint8Array;
  signature: string;
  publicKey: string;
  period: string;
  lastSequence?: number;
}): { manifest: Manifest } | { problem: BundleProblem } {
  if (!verifyBytes(options.bytes, options.signature, options.publicKey)) return { problem: bundleProblem('SIGNATURE_INVALID', {}) };
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(options.bytes));
  } catch {
    return { problem: bundleProblem('MANIFEST_NOT_JSON', {}) };
  }
  const problems = manifestProblems(parsed);
  if (problems.length > 0) return { problem: bundleProblem('MANIFEST_MALFORMED', { problems }) };
  const manifest = parsed as Manifest;
  if (manifest.period !== options.period) return { problem: bundleProblem('WRONG_PERIOD', { period: manifest.period, expected: options.period }) };
  if (options.lastSequence !== undefined && manifest.sequence < options.lastSequence) {
    return { problem: bundleProblem('REPLAY', { sequence: manifest.sequence, held: options.lastSequence }) };
  }
  return { manifest };
}

/** Checks one downloaded file against its manifest entry: its size (when stated) and its digest; the problem when it does not match. */
export function checkFile(entry: ManifestEntry, bytes: Uint8Array): BundleProblem | undefined {
  if (entry.size !== undefined && bytes.byteLength !== entry.size) {
    return bundleProblem('FILE_SIZE_MISMATCH', { path: entry.path, size: bytes.byteLength, stated: entry.size });
  }
  const actual = sha256(bytes);
  if (actual !== entry.digest) return bundleProblem('DIGEST_MISMATCH', { path: entry.path, received: actual, expected: entry.digest });
  return undefined;
}
