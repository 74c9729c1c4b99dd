// The provinces' page (no sign-in): the one-file `rubric` command with its sha256, the department's
// public key with its fingerprint, and the commands to pull this server's newest published period.
import { cliDownload, departmentKey, newestPublished } from '$lib/server/downloads.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
  const cli = cliDownload();
  return {
    origin: url.origin,
    cli: cli ? { sha256: cli.sha256, size: cli.bytes.length } : null,
    key: departmentKey(),
    published: newestPublished(),
  };
};
