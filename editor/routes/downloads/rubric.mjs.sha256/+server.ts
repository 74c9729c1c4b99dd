// GET /downloads/rubric.mjs.sha256: rubric.mjs's sha256 as `sha256sum` writes it (`sha256sum -c rubric.mjs.sha256` checks the download).
import { sha256sumLine } from '$engine/node/downloads.js';
import { cliDownload, downloadResponse, notBuilt } from '$lib/server/downloads.js';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => {
  const file = cliDownload();
  return file ? downloadResponse(sha256sumLine(file.sha256, 'rubric.mjs'), 'text/plain; charset=utf-8', 'rubric.mjs.sha256') : notBuilt();
};
