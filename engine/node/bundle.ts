// Signed bundles of published rubrics: the manifest a period publishes, its Ed25519 signature,
// and the checks a province makes before trusting what it downloaded. node:crypto does the crypto.
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { manifestProblems } from '../manifest.js';
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

/** A refused bundle: what was wrong, in Thai and English. */
export class BundleError extends Error {
  constructor(
    readonly th: string,
    en: string,
  ) {
    super(en);
    this.name = 'BundleError';
  }
}

/**
 * Checks downloaded manifest bytes: the signature, then its shape against the manifest schema
 * (before any field is used), the period, and that it is not older than the manifest already
 * trusted (a replay). Returns the manifest.
 */
export function checkManifest(options: {
  bytes: Uint8Array;
  signature: string;
  publicKey: string;
  period: string;
  lastSequence?: number;
}): Manifest {
  if (!verifyBytes(options.bytes, options.signature, options.publicKey)) {
    throw new BundleError('ลายมือชื่อของ manifest ไม่ถูกต้อง (ถูกแก้ไข หรือกุญแจไม่ตรง)', 'the manifest signature does not verify (altered, or signed with another key)');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(options.bytes));
  } catch {
    throw new BundleError('manifest ไม่ใช่ JSON', 'the manifest is not JSON');
  }
  const problems = manifestProblems(parsed);
  if (problems.length > 0) {
    throw new BundleError(
      `manifest มีรูปแบบไม่ถูกต้อง: ${problems.map((p) => p.th).join('; ')}`,
      `the manifest is malformed: ${problems.map((p) => p.en).join('; ')}`,
    );
  }
  const manifest = parsed as Manifest;
  if (manifest.period !== options.period) {
    throw new BundleError(`manifest เป็นของไตรมาส ${manifest.period} ไม่ใช่ ${options.period}`, `the manifest is for ${manifest.period}, not ${options.period}`);
  }
  if (options.lastSequence !== undefined && manifest.sequence < options.lastSequence) {
    throw new BundleError(
      `manifest ลำดับที่ ${manifest.sequence} เก่ากว่าที่มีอยู่ (${options.lastSequence}): ปฏิเสธการเล่นซ้ำ`,
      `manifest sequence ${manifest.sequence} is older than the one already held (${options.lastSequence}): a replay, refused`,
    );
  }
  return manifest;
}

/** Checks one downloaded file against its manifest entry: its size (when stated) and its digest. */
export function checkFile(entry: ManifestEntry, bytes: Uint8Array): void {
  if (entry.size !== undefined && bytes.byteLength !== entry.size) {
    throw new BundleError(
      `ไฟล์ ${entry.path} มีขนาด ${bytes.byteLength} ไบต์ แต่ manifest ระบุ ${entry.size} ไบต์`,
      `${entry.path} is ${bytes.byteLength} bytes, the manifest states ${entry.size}`,
    );
  }
  const actual = sha256(bytes);
  if (actual !== entry.digest) {
    throw new BundleError(
      `ไฟล์ ${entry.path} ไม่ตรงกับ manifest (ได้ ${actual.slice(0, 19)}… ต้องเป็น ${entry.digest.slice(0, 19)}…)`,
      `${entry.path} does not match the manifest (received ${actual}, expected ${entry.digest})`,
    );
  }
}
