// What provinces pull: each period's signed manifest of its published revisions, the department's
// signing key, province tokens and the adoption ledger (who pulled which manifest when).
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MANIFEST_FORMAT, generateKeys, manifestBytes, sha256, signBytes, type Manifest } from '../node/bundle.js';
import { CDD_PROVINCES, resolveProvince } from '../provinces.js';
import type { Text } from '../types.js';
import { defaultDbPath, now, type Db } from './db.js';
import { sha256Hex } from '../node/digest.js';

/** A period's manifest as served: its exact bytes, signature and strong ETag. */
export interface SignedManifest {
  manifest: Manifest;
  bytes: Uint8Array;
  signature: string;
  etag: string;
}

/** The department's private signing key: RUBRIC_SIGNING_KEY, or one made beside the database on first use. */
export function signingKey(): string {
  const path = process.env.RUBRIC_SIGNING_KEY || join(dirname(defaultDbPath()), 'signing', 'department.key');
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    const { privateKey, publicKey } = generateKeys();
    writeFileSync(path, privateKey, { mode: 0o600 });
    chmodSync(path, 0o600);
    writeFileSync(path.replace(/\.key$/, '') + '.pub', publicKey);
    console.log(`กุญแจลงนามใหม่ / new signing key: ${path} (กุญแจสาธารณะ / public key: ${path.replace(/\.key$/, '')}.pub, ลายนิ้วมือ / fingerprint: ${sha256Hex(publicKey)})`);
  }
  return readFileSync(path, 'utf8');
}

/** The periods that have published something, oldest first. */
export function publishedPeriods(db: Db): string[] {
  return (db.prepare('SELECT DISTINCT period FROM revisions ORDER BY period').all() as { period: string }[]).map((r) => r.period);
}

/** The count's statement, prepared once per connection: every province poll runs it, and preparing it again each time cost about a fifth of a 304's time. */
const countStatements = new WeakMap<Db, ReturnType<Db['prepare']>>();

/** How many revisions a period has published: its manifest's sequence (revisions are never removed, so it only grows). */
function publishedCount(db: Db, period: string): number {
  let statement = countStatements.get(db);
  if (!statement) countStatements.set(db, (statement = db.prepare('SELECT COUNT(*) FROM revisions WHERE period = ?').pluck()));
  return (statement.get(period) as number) ?? 0;
}

/** The manifest of a period: each mission's latest revision; undefined when nothing is published. */
export function periodManifest(db: Db, period: string): Manifest | undefined {
  const rows = db
    .prepare(
      `SELECT r.mission, r.revision, r.digest, r.published_at FROM revisions r
       WHERE r.period = ? AND r.revision = (SELECT MAX(revision) FROM revisions x WHERE x.period = r.period AND x.mission = r.mission)
       ORDER BY r.mission`,
    )
    .all(period) as { mission: string; revision: number; digest: string; published_at: string }[];
  if (rows.length === 0) return undefined;
  const sequence = publishedCount(db, period);
  return {
    format: MANIFEST_FORMAT,
    period,
    sequence,
    publishedAt: rows.map((r) => r.published_at).sort().at(-1)!,
    missions: rows.map((r) => ({ mission: r.mission, revision: r.revision, digest: r.digest, path: `missions/${r.mission}/r${r.revision}.yaml` })),
  };
}

const cache = new Map<string, SignedManifest>();

/** The signed manifest of a period, made once per publish (a period's sequence). */
export function signedManifest(db: Db, period: string): SignedManifest | undefined {
  // A province's poll costs one count: the manifest is read and signed again only after a publish.
  const key = `${period}#${publishedCount(db, period)}`;
  const held = cache.get(key);
  if (held) return held;
  const manifest = periodManifest(db, period);
  if (!manifest) return undefined;
  const bytes = manifestBytes(manifest);
  const signed = { manifest, bytes, signature: signBytes(bytes, signingKey()), etag: `"${sha256(bytes).slice(7)}"` };
  cache.set(`${period}#${manifest.sequence}`, signed);
  return signed;
}

/** One published file's text, or undefined. */
export function revisionText(db: Db, period: string, mission: string, revision: number): { yaml: string; digest: string } | undefined {
  return db.prepare('SELECT yaml, digest FROM revisions WHERE period = ? AND mission = ? AND revision = ?').get(period, mission, revision) as
    | { yaml: string; digest: string }
    | undefined;
}

function tokenHash(token: string): string {
  return sha256Hex(token);
}

/** A token issued, or why not: the name is no province with a CDD office (with the closest one). */
export type IssuedToken = { token: string; province: string } | { error: Text };

/**
 * Issues a province's pull token (only its hash is kept) for a province of the catalogue with a
 * provincial CDD office, written in any of its spellings; returns the token to hand over.
 */
export function issueToken(db: Db, name: string): IssuedToken {
  const found = resolveProvince(name);
  if (!('province' in found) || !found.province.cddOffice) {
    const known = 'province' in found ? found.province : undefined;
    const hint = 'suggestion' in found ? found.suggestion?.th : undefined;
    return {
      error: known
        ? { th: `${known.th} ไม่มีสำนักงานพัฒนาชุมชนจังหวัด จึงออกโทเค็นให้ไม่ได้`, en: `${known.en} has no provincial CDD office, so it gets no token` }
        : {
            th: `"${name}" ไม่ใช่ชื่อจังหวัดตามทะเบียนจังหวัด${hint ? ` หมายถึง "${hint}" หรือไม่` : ''}`,
            en: `"${name}" is not a province of the catalogue${hint ? `; did you mean "${hint}"?` : ''}`,
          },
    };
  }
  const token = randomBytes(24).toString('base64url');
  db.prepare('INSERT INTO province_tokens (token_hash, province, created_at) VALUES (?, ?, ?)').run(tokenHash(token), found.province.th, now());
  return { token, province: found.province.th };
}

/** Records that the province holding this token pulled a period's manifest; returns the province. */
export function recordPull(db: Db, token: string | null, period: string, sequence: number): string | undefined {
  if (!token) return undefined;
  const province = db.prepare('SELECT province FROM province_tokens WHERE token_hash = ?').pluck().get(tokenHash(token)) as string | undefined;
  if (!province) return undefined;
  // One row per province, period and manifest, with the last time it was fetched: a province
  // that polls every minute must not grow the ledger by a row a request.
  const at = now();
  const seen = db.prepare('UPDATE pulls SET at = ? WHERE province = ? AND period = ? AND sequence = ?').run(at, province, period, sequence);
  if (seen.changes === 0) db.prepare('INSERT INTO pulls (province, period, sequence, at) VALUES (?, ?, ?, ?)').run(province, period, sequence, at);
  return province;
}

/** Where a province stands in a period: holds the latest manifest, holds an older one, or has never pulled one. */
export type AdoptionState = 'current' | 'behind' | 'never-pulled';

/** One province's row of the ledger. */
export interface AdoptionRow {
  /** The province's Thai name, as the catalogue spells it. */
  province: string;
  /** Its ISO 3166-2 code and English name, from the catalogue. */
  code: string;
  en: string;
  /** Whether a pull token was issued to it (without one, its pulls cannot be counted). */
  token: boolean;
  /** The newest manifest sequence it pulled in the period, and when it last fetched it; null when never. */
  sequence: number | null;
  at: string | null;
  /** The period's latest manifest sequence. */
  latest: number;
  state: AdoptionState;
  /** Kept for callers that only ask whether it holds the latest. */
  current: boolean;
}

/**
 * Every province with a provincial CDD office (the catalogue's 76, in its order), with the newest
 * manifest of the period it pulled: so the department sees who has not, not only who has.
 */
export function adoption(db: Db, period: string): AdoptionRow[] {
  const latest = periodManifest(db, period)?.sequence ?? 0;
  const tokens = new Set(db.prepare('SELECT DISTINCT province FROM province_tokens').pluck().all() as string[]);
  const pulled = new Map(
    (db.prepare('SELECT province, MAX(sequence) AS sequence, MAX(at) AS at FROM pulls WHERE period = ? GROUP BY province').all(period) as { province: string; sequence: number; at: string }[]).map((r) => [r.province, r]),
  );
  return CDD_PROVINCES.map((p) => {
    const seen = pulled.get(p.th);
    const state: AdoptionState = !seen ? 'never-pulled' : seen.sequence >= latest ? 'current' : 'behind';
    return { province: p.th, code: p.code, en: p.en, token: tokens.has(p.th), sequence: seen?.sequence ?? null, at: seen?.at ?? null, latest, state, current: state === 'current' };
  });
}
