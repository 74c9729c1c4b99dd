// The editor's public address (ORIGIN) against how it is reached. SvelteKit checks form posts
// against ORIGIN, and the sign-in cookie is marked Secure only when ORIGIN is https; so a server
// behind a TLS proxy that was left at the default http://127.0.0.1 would hand out session cookies a
// browser may send over plain http. editor/serve.js uses these checks to fail loudly instead: it
// will not start on a public address without ORIGIN, and answers a request that came over https
// to an http ORIGIN with an error telling the operator what to set.
import type { Text } from '../types.js';

/** Whether a HOST to listen on is this machine only (127.0.0.0/8, ::1, localhost). */
export function isLoopback(host: string): boolean {
  const bare = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return bare === 'localhost' || bare === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(bare);
}

/**
 * Why the server cannot start with these HOST and ORIGIN values, or undefined when it can. HOST
 * defaults to 127.0.0.1 and ORIGIN to http://127.0.0.1:PORT only on this machine: a server others
 * reach must be told the address they use.
 */
export function originSettingsProblem(env: { HOST?: string | undefined; ORIGIN?: string | undefined }): Text | undefined {
  const host = env.HOST?.trim() || '127.0.0.1';
  const origin = env.ORIGIN?.trim();
  if (!origin) {
    if (isLoopback(host)) return undefined;
    return {
      th:
        `HOST=${host} ไม่ใช่ที่อยู่ภายในเครื่องนี้ จึงต้องกำหนด ORIGIN เป็นที่อยู่ที่ผู้ใช้เปิดตัวแก้ไข เช่น ORIGIN=https://rubrics.cdd.go.th ` +
        `(ใช้ตรวจแบบฟอร์มที่ส่งเข้ามา และกำหนดให้คุกกี้เข้าสู่ระบบส่งผ่าน https เท่านั้น)`,
      en:
        `HOST=${host} is not a loopback address, so ORIGIN must be set to the address people open the editor at, e.g. ORIGIN=https://rubrics.cdd.go.th ` +
        `(form posts are checked against it, and it decides whether the sign-in cookie is sent over https only)`,
    };
  }
  let url: URL | undefined;
  try {
    url = new URL(origin);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    return {
      th: `ORIGIN ต้องเป็นที่อยู่ที่ขึ้นต้นด้วย https:// หรือ http:// เช่น ORIGIN=https://rubrics.cdd.go.th (ได้รับ "${origin}")`,
      en: `ORIGIN must be an address starting with https:// or http://, e.g. ORIGIN=https://rubrics.cdd.go.th (received "${origin}")`,
    };
  }
  return undefined;
}

/** Header names and values in the shape Node gives them. */
type IncomingHeaders = Record<string, string | string[] | undefined>;

const values = (header: string | string[] | undefined): string[] => (Array.isArray(header) ? header : header === undefined ? [] : [header]);

/**
 * The scheme a proxy says the request reached it over, when it says https: in X-Forwarded-Proto
 * (any entry of its list) or in a proto= parameter of Forwarded (RFC 7239). undefined otherwise.
 */
export function forwardedHttps(headers: IncomingHeaders): string | undefined {
  for (const value of values(headers['x-forwarded-proto'])) {
    if (value.split(',').some((entry) => entry.trim().toLowerCase() === 'https')) return `X-Forwarded-Proto: ${value}`;
  }
  for (const value of values(headers['forwarded'])) {
    for (const element of value.split(',')) {
      for (const pair of element.split(';')) {
        const [name, raw = ''] = pair.split('=', 2).map((part) => part.trim());
        if (name?.toLowerCase() === 'proto' && raw.replace(/^"(.*)"$/, '$1').toLowerCase() === 'https') return `Forwarded: ${value}`;
      }
    }
  }
  return undefined;
}

/** What to tell the operator when a request came over https but ORIGIN is http. */
export function httpOriginBehindHttps(origin: string, header: string): Text {
  // The header is the client's text: shown shortened, and escaped where it becomes HTML.
  const evidence = header.length > 120 ? `${header.slice(0, 120)}…` : header;
  return {
    th:
      `ตั้งค่าเซิร์ฟเวอร์ไม่ถูกต้อง: คำขอนี้มาทาง https (${evidence}) แต่ ORIGIN เป็น ${origin} ` +
      `ผู้ดูแลระบบต้องเริ่มตัวแก้ไขใหม่โดยกำหนด ORIGIN=https://… เป็นที่อยู่ที่ผู้ใช้เปิด ` +
      `มิฉะนั้นคุกกี้เข้าสู่ระบบจะไม่ถูกจำกัดให้ส่งผ่าน https และแบบฟอร์มจะถูกปฏิเสธ`,
    en:
      `The server is misconfigured: this request came over https (${evidence}) but ORIGIN is ${origin}. ` +
      `The operator must restart the editor with ORIGIN=https://… set to the address people open; ` +
      `otherwise the sign-in cookie would not be limited to https, and form posts would be refused.`,
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The answer to a request that came over https to an http ORIGIN: JSON in the API's error shape
 * for the API and for clients that ask for JSON, a page otherwise; never cached, no cookie.
 * Status 500, not 421 Misdirected Request: the fault is the server's setting, not the client's
 * request, a 5xx is what an operator's monitoring watches, and browsers retry a 421 on a new
 * connection, which would only repeat it.
 */
export function misconfiguredOriginAnswer(text: Text, json: boolean): { status: number; headers: Record<string, string>; body: string } {
  const status = 500;
  if (json) {
    return {
      status,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
      body: JSON.stringify({ error: { status, code: 'ORIGIN_NOT_HTTPS', message: text } }) + '\n',
    };
  }
  const body = `<!doctype html>
<html lang="th">
<head><meta charset="utf-8"><title>ตั้งค่า ORIGIN ไม่ถูกต้อง · ORIGIN is misconfigured</title></head>
<body style="font-family: sans-serif; max-width: 48rem; margin: 2rem auto; line-height: 1.6">
<h1>ตั้งค่า ORIGIN ไม่ถูกต้อง <span lang="en">· ORIGIN is misconfigured</span></h1>
<p role="alert">${escapeHtml(text.th)}</p>
<p lang="en">${escapeHtml(text.en)}</p>
</body>
</html>
`;
  return {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    },
    body,
  };
}
