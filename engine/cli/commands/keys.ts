// `rubric keys generate`: a new Ed25519 key pair for signing manifests, never overwriting a key.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeys } from '../../node/bundle.js';
import { publishedKey } from '../../node/downloads.js';
import { pathFrom, type Command } from '../options.js';
import { UsageError } from '../usage.js';

/** Writes department.key (private, mode 600) and department.pub into --out, and prints the public key's fingerprint for the letter. */
export const keys: Command = (args, options, cli) => {
  if (args[0] !== 'generate' || args.length > 1) throw new UsageError('keys takes "generate --out <dir>"');
  if (!options.out) throw new UsageError('keys generate needs --out <dir>');
  const dir = pathFrom(cli, options.out);
  const privatePath = join(dir, 'department.key');
  if (existsSync(privatePath)) throw new UsageError(`${privatePath} exists already; a key is never overwritten`);
  mkdirSync(dir, { recursive: true });
  const pair = generateKeys();
  writeFileSync(privatePath, pair.privateKey, { mode: 0o600 });
  writeFileSync(join(dir, 'department.pub'), pair.publicKey);
  cli.out.write(`กุญแจส่วนตัว / private key: ${privatePath} (เก็บเป็นความลับ / keep secret)\nกุญแจสาธารณะ / public key: ${join(dir, 'department.pub')} (ให้จังหวัด / give to provinces)\n`);
  // The fingerprint goes in the department's letter; provinces compare it with the key they download from /downloads.
  cli.out.write(`ลายนิ้วมือกุญแจ (sha256 ของ department.pub) สำหรับหนังสือแจ้งจังหวัด / key fingerprint (sha256 of department.pub) for the letter to provinces: ${publishedKey(pair.publicKey).fingerprint}\n`);
  return 0;
};
