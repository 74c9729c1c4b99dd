// GET /downloads/department.pub: the department's public key (PEM), the one `rubric pull --public-key` checks manifests with.
// Its fingerprint is on the /downloads page; provinces compare it with the one in the department's letter.
import { departmentKey, downloadResponse } from '$lib/server/downloads.js';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => downloadResponse(departmentKey().pem, 'application/x-pem-file', 'department.pub');
