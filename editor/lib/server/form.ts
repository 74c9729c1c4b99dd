// The form a form action was sent. SvelteKit lets a text/plain body through to actions (it counts
// as a form for its cross-site check) and request.formData() throws on it or on a broken multipart
// body: either was a 500. Here they are the client's error, 415 or 400, and nothing is read.
import { error } from '@sveltejs/kit';

const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data']);

/** The request's form fields; a 415 error page for a body that is not a form, a 400 for a form that cannot be read. */
export async function formOf(request: Request): Promise<FormData> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!FORM_TYPES.has(type)) {
    error(415, `ข้อมูลที่ส่งมาไม่ใช่แบบฟอร์ม / a form is sent as application/x-www-form-urlencoded or multipart/form-data, not ${type || 'without a type'}`);
  }
  try {
    return await request.formData();
  } catch (e) {
    // A body over the size limit is the server's own 413 (thrown while the body is read): kept.
    const status = (e as { status?: unknown; cause?: { status?: unknown } } | null)?.status ?? (e as { cause?: { status?: unknown } } | null)?.cause?.status;
    if (typeof status === 'number') throw e;
    error(400, 'อ่านแบบฟอร์มที่ส่งมาไม่ได้ / the form cannot be read (a broken multipart body?)');
  }
}
