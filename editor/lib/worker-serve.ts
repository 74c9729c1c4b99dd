// The worker's side of editor/lib/latest-only.ts: answers each request message with its id, the
// result (or the error it threw) and how long reading it took. Used by the page's workers only.
import type { ReplyMessage, RequestMessage } from './latest-only.js';

/** The worker's own scope, typed without the DOM's `window`. */
const scope = globalThis as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent<RequestMessage<unknown>>) => void): void;
  postMessage(message: ReplyMessage<unknown>): void;
};

/** Answers every request posted to this worker with `read`'s result. */
export function serveRequests<Q, R>(read: (request: Q) => R): void {
  scope.addEventListener('message', (event) => {
    const { id, request } = event.data;
    const start = performance.now();
    let reply: ReplyMessage<R>;
    try {
      reply = { id, result: read(request as Q), ms: performance.now() - start };
    } catch (error) {
      // The readers do not throw for bad input; anything thrown is a fault the page reports itself.
      reply = { id, error: error instanceof Error ? error.message : String(error), ms: performance.now() - start };
    }
    try {
      scope.postMessage(reply);
    } catch (error) {
      // A result that cannot be copied to the page: the page reads that request itself.
      scope.postMessage({ id, error: `not cloneable: ${error instanceof Error ? error.message : String(error)}`, ms: reply.ms });
    }
  });
}
