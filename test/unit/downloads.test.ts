import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateKeys } from '../../engine/node/bundle.js';
import { fileDownload, publishedKey, sha256sumLine } from '../../engine/node/downloads.js';
import { tempDir } from '../temp.js';

const hex = (bytes: string) => createHash('sha256').update(bytes).digest('hex');

describe('fileDownload', () => {
  describe('when the file has not been built', () => {
    it('gives nothing', () => {
      expect(fileDownload(join(tempDir('rubric-download-'), 'rubric.mjs'))).toBeUndefined();
    });
  });
  describe('when the file is rebuilt', () => {
    it('serves the new bytes with their own sha256', () => {
      const file = join(tempDir('rubric-download-'), 'rubric.mjs');
      writeFileSync(file, 'console.log(1);\n');
      const first = fileDownload(file)!;
      expect([Buffer.from(first.bytes).toString(), first.sha256]).toEqual(['console.log(1);\n', hex('console.log(1);\n')]);
      writeFileSync(file, 'console.log(22);\n');
      const second = fileDownload(file)!;
      expect([Buffer.from(second.bytes).toString(), second.sha256]).toEqual(['console.log(22);\n', hex('console.log(22);\n')]);
    });
  });
});

describe('sha256sumLine', () => {
  it('writes the line sha256sum -c reads: the digest, two spaces, the name', () => {
    expect(sha256sumLine('ab'.repeat(32), 'rubric.mjs')).toBe(`${'ab'.repeat(32)}  rubric.mjs\n`);
  });
});

describe('publishedKey', () => {
  it("fingerprints the PEM file's bytes, as certutil and sha256sum do", () => {
    const { publicKey } = generateKeys();
    expect(publishedKey(publicKey)).toEqual({ pem: publicKey, fingerprint: hex(publicKey) });
  });
});
