// The one sha256 helper: file and text digests (`sha256:<hex>`), token hashes and cache keys. Node-only.
import { createHash } from 'node:crypto';

/** sha256 of bytes (a text as its UTF-8 bytes) as `sha256:<hex>`: the digest the CLI, the store and the manifests give a file. */
export function sha256(bytes: Uint8Array | string): string {
  return 'sha256:' + sha256Hex(bytes);
}

/** sha256 of bytes (a text as its UTF-8 bytes) as bare hex: how tokens are kept (never the token itself). */
export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** sha256 of several parts in order, as base64: a short cache key. */
export function sha256Key(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('base64');
}
