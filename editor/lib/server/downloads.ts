// The server's side of the /downloads page: where the built one-file CLI is (RUBRIC_CLI_FILE, set by
// serve.js, else dist/rubric.mjs from the working folder, as under `vite dev`) and the department's
// public key, derived from the signing key the manifests are signed with (engine/store/publication.ts).
import { resolve } from 'node:path';
import { publicKeyOf } from '$engine/node/bundle.js';
import { fileDownload, publishedKey, type Download, type PublishedKey } from '$engine/node/downloads.js';
import { publishedPeriods, signedManifest, signingKey } from '$engine/store/publication.js';
import { storeDb } from './context.js';

/** The one-file `rubric` command with its sha256, or undefined when it has not been built. */
export function cliDownload(): Download | undefined {
  return fileDownload(process.env.RUBRIC_CLI_FILE || resolve('dist/rubric.mjs'));
}

/** The public key that verifies this server's manifests (the signing key is made on first use, as a manifest's signing does), with its fingerprint. */
export function departmentKey(): PublishedKey {
  return publishedKey(publicKeyOf(signingKey()));
}

/** The newest published period and its missions, for the page's example commands; null when nothing is published. */
export function newestPublished(): { period: string; missions: string[] } | null {
  const db = storeDb();
  const period = publishedPeriods(db).at(-1);
  if (!period) return null;
  return { period, missions: signedManifest(db, period)!.manifest.missions.map((m) => m.mission) };
}

/** A download's answer when the file is there: its bytes, type and name. */
export function downloadResponse(body: Uint8Array | string, type: string, filename: string): Response {
  return new Response(typeof body === 'string' ? body : new Uint8Array(body), {
    headers: { 'content-type': type, 'content-disposition': `attachment; filename="${filename}"` },
  });
}

/** The answer when rubric.mjs has not been built on this server: 404, in Thai and English. */
export function notBuilt(): Response {
  return new Response(
    'ยังไม่มีไฟล์ rubric.mjs บนเครื่องนี้ (ผู้ดูแลต้องสั่ง npm run build:engine)\nrubric.mjs has not been built on this server (the operator runs npm run build:engine)\n',
    { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } },
  );
}
