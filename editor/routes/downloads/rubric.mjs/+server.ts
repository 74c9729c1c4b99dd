// GET /downloads/rubric.mjs: the `rubric` command in one file for provinces (dist/rubric.mjs), no sign-in needed.
import { cliDownload, downloadResponse, notBuilt } from '$lib/server/downloads.js';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => {
  const file = cliDownload();
  return file ? downloadResponse(file.bytes, 'text/javascript; charset=utf-8', 'rubric.mjs') : notBuilt();
};
