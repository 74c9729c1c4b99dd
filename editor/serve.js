// Starts the built rubric editor on 127.0.0.1 (defaults for HOST, PORT, ORIGIN and RUBRICS_DIR);
// on any other HOST it needs ORIGIN, and it refuses requests that came over https to an http ORIGIN.
// The public API's hottest reads (versioned rubric files, a period's manifest and signature) are
// answered here from bytes held in memory, before SvelteKit: they are what 76 provinces poll. The
// answer comes from the API's one implementation (engine/http/public-api.ts), as SvelteKit's routes' do.
// Everything else, and every request that carries a province token (the adoption ledger records
// it), goes to SvelteKit's handler. What the read-only API refuses before that is answered here
// in JSON too: a method other than GET, HEAD or OPTIONS (405), a path that is not valid
// percent-encoding (400).
import { createServer } from 'node:http';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

process.env.HOST ||= '127.0.0.1';
process.env.PORT ||= '5173';
const { forwardedHttps, httpOriginBehindHttps, misconfiguredOriginAnswer, originSettingsProblem } = await import(
  new URL('../dist/engine/http/origin.js', import.meta.url).href
);
// A server others reach must know the address they use (ORIGIN): it does not start without it.
const problem = originSettingsProblem(process.env);
if (problem) {
  console.error(`ตัวแก้ไขไม่เริ่มทำงาน: ${problem.th}\nThe editor did not start: ${problem.en}`);
  process.exit(1);
}
// adapter-node checks form posts against ORIGIN, and the session cookie is Secure when ORIGIN is
// https; on this machine only, it defaults to the address we listen on.
process.env.ORIGIN ||= `http://127.0.0.1:${process.env.PORT}`;
// A request body may carry one draft: the 1 MiB rubric limit (engine/load.ts) and 64 KiB for the
// form's other fields and multipart framing. A larger draft is refused in words by the page first.
process.env.BODY_SIZE_LIMIT ||= String(1024 * 1024 + 64 * 1024);
const originIsHttp = new URL(process.env.ORIGIN).protocol === 'http:';
// The bundled server cannot find rubrics/ from its own location, so point it at the repository's.
process.env.RUBRICS_DIR ||= fileURLToPath(new URL('../rubrics', import.meta.url));
// The provinces' one-file CLI that /downloads offers (npm run build:engine writes it).
process.env.RUBRIC_CLI_FILE ||= fileURLToPath(new URL('../dist/rubric.mjs', import.meta.url));

// Computed specifiers: build/ and dist/ exist only after building, so type checks must not resolve them.
const { handler } = await import(new URL('../build/handler.js', import.meta.url).href);
const { openDb, defaultDbPath } = await import(new URL('../dist/engine/store/db.js', import.meta.url).href);
const { SECURITY_HEADERS } = await import(new URL('../dist/engine/http/security-headers.js', import.meta.url).href);
const { apiRefusal, createPublicApi } = await import(new URL('../dist/engine/http/public-api.js', import.meta.url).href);

const db = openDb(defaultDbPath());
/** The public API's one implementation (engine/http/public-api.ts), with its own caches of published bytes. */
const api = createPublicApi(() => db);

/**
 * What the public API reads of a Node request.
 * @param {import('node:http').IncomingMessage} request
 */
function apiRequest(request) {
  return {
    method: request.method ?? 'GET',
    path: (request.url ?? '/').split('?')[0] ?? '/',
    /** @param {string} name */
    header: (name) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value.join(', ') : (value ?? null);
    },
  };
}

let toldOperatorAboutOrigin = false;

/**
 * Answers, with an error naming the fix, a request a proxy says came over https while ORIGIN is
 * http: served as it is, its sign-in cookie would lack Secure. Logged once. True when it answered.
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 */
function refuseHttpsToHttpOrigin(request, response) {
  if (!originIsHttp) return false;
  const header = forwardedHttps(request.headers);
  if (!header) return false;
  const text = httpOriginBehindHttps(process.env.ORIGIN, header);
  if (!toldOperatorAboutOrigin) {
    toldOperatorAboutOrigin = true;
    console.error(`${text.th}\n${text.en}`);
  }
  const path = (request.url ?? '/').split('?')[0] ?? '/';
  const accept = request.headers.accept ?? '';
  const json = path.startsWith('/api/') || (accept.includes('application/json') && !accept.includes('text/html'));
  const answer = misconfiguredOriginAnswer(text, json);
  response.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
  response.end(request.method === 'HEAD' ? undefined : answer.body);
  return true;
}

const server = createServer((request, response) => {
  // On every answer, also those that never reach SvelteKit's hooks: the fast path below, the static
  // files adapter-node serves, and SvelteKit's own redirects.
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
  if (refuseHttpsToHttpOrigin(request, response)) return;
  const asked = apiRequest(request);
  const refusal = apiRefusal(asked);
  if (refusal) {
    request.resume();
    response.writeHead(refusal.status, { ...refusal.headers, 'content-length': Buffer.byteLength(refusal.body), connection: 'close' });
    response.end(request.method === 'HEAD' ? undefined : refusal.body);
    return;
  }
  const answer = api.hot(asked);
  if (!answer) return handler(request, response);
  if (answer.body === null) {
    response.writeHead(answer.status, answer.headers).end();
    return;
  }
  response.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
  response.end(request.method === 'HEAD' ? undefined : answer.body);
});

server.listen(Number(process.env.PORT), process.env.HOST, () => {
  console.log(`กรมการพัฒนาชุมชน rubric editor: ${process.env.ORIGIN}`);
  console.log(`Listening on http://${process.env.HOST}:${process.env.PORT}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
