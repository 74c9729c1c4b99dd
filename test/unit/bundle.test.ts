import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleRubricPath } from '../../engine/node/bundle-folder.js';
import { MANIFEST_FORMAT, checkFile, checkManifest, generateKeys, manifestBytes, sha256, signBytes, type Manifest } from '../../engine/node/bundle.js';
import { tempDir } from '../temp.js';

// A bundle's checks return the problem that refuses it, by code, with its words in Thai and
// English from the catalogue; nothing is thrown for a bad bundle.
const keys = generateKeys();
const yaml = 'mission: otop\n';
const manifest: Manifest = {
  format: MANIFEST_FORMAT,
  period: '2567-Q3',
  sequence: 5,
  publishedAt: '2026-01-01T00:00:00.000Z',
  missions: [{ mission: 'otop', revision: 1, digest: sha256(yaml), path: 'missions/otop/r1.yaml', size: yaml.length }],
};
const bytes = manifestBytes(manifest);
const signed = { bytes, signature: signBytes(bytes, keys.privateKey), publicKey: keys.publicKey, period: '2567-Q3' };

describe('checkManifest', () => {
  it('returns a manifest that verifies', () => {
    expect(checkManifest(signed)).toEqual({ manifest });
  });
  it('returns SIGNATURE_INVALID for a manifest signed with another key', () => {
    const result = checkManifest({ ...signed, publicKey: generateKeys().publicKey });
    expect(result).toMatchObject({ problem: { code: 'SIGNATURE_INVALID', severity: 'error' } });
    expect('problem' in result && result.problem.message.en).toBe('the manifest signature does not verify (altered, or signed with another key)');
  });
  it('returns WRONG_PERIOD and REPLAY with the periods and sequences in their words', () => {
    expect(checkManifest({ ...signed, period: '2567-Q4' })).toMatchObject({ problem: { code: 'WRONG_PERIOD', message: { en: 'the manifest is for 2567-Q3, not 2567-Q4' } } });
    expect(checkManifest({ ...signed, lastSequence: 6 })).toMatchObject({
      problem: { code: 'REPLAY', message: { th: 'manifest ลำดับที่ 5 เก่ากว่าที่มีอยู่ (6): ปฏิเสธการเล่นซ้ำ' } },
    });
  });
});

describe('checkFile and bundleRubricPath', () => {
  const entry = manifest.missions[0]!;
  it('returns FILE_SIZE_MISMATCH and DIGEST_MISMATCH naming the file', () => {
    expect(checkFile(entry, new TextEncoder().encode(yaml))).toBeUndefined();
    expect(checkFile(entry, new TextEncoder().encode('x'))).toMatchObject({ code: 'FILE_SIZE_MISMATCH', message: { en: 'missions/otop/r1.yaml is 1 bytes, the manifest states 14' } });
    expect(checkFile(entry, new TextEncoder().encode('mission: otoq\n'))?.code).toBe('DIGEST_MISMATCH');
  });
  it('finds a mission of a pulled bundle, or returns NO_BUNDLE and NO_MISSION', () => {
    const bundle = tempDir('rubric-bundle-');
    expect(bundleRubricPath(bundle, '2567-Q3', 'otop')).toMatchObject({ problem: { code: 'NO_BUNDLE' } });
    mkdirSync(join(bundle, '2567-Q3', 'missions', 'otop'), { recursive: true });
    writeFileSync(join(bundle, '2567-Q3', 'manifest.json'), bytes);
    writeFileSync(join(bundle, '2567-Q3', 'missions', 'otop', 'r1.yaml'), yaml);
    expect(bundleRubricPath(bundle, '2567-Q3', 'otop')).toEqual({ path: join(bundle, '2567-Q3', 'missions', 'otop', 'r1.yaml') });
    expect(bundleRubricPath(bundle, '2567-Q3', 'bmn')).toMatchObject({ problem: { code: 'NO_MISSION', message: { en: 'the bundle has no mission bmn (missions: otop)' } } });
  });
});
