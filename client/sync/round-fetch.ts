/** A request that has not answered by then counts as "server unreachable" (slow 3G still fits a 2 MB push). */
const REQUEST_TIMEOUT_MS = 90_000;

/**
 * Waits before each retry of a request the network dropped. The first retry is soon: the usual
 * cause is a keep-alive connection the server or a proxy closed just as the request left, and a
 * fresh connection fixes it at once. The second waits longer, for a signal that flickered.
 */
export const RETRY_DELAYS_MS = [300, 1_500] as const;

/** Node (tests) has no navigator before v21: count it as online there. */
function online(): boolean {
  return typeof navigator === "undefined" || navigator.onLine !== false;
}

/**
 * A body that can be sent again as is. The round's requests are GETs or JSON strings;
 * a stream is consumed by the first attempt and must never be retried empty.
 */
function resendable(init?: RequestInit): boolean {
  const body = init?.body;
  return body == null || typeof body === "string" || body instanceof Blob || body instanceof ArrayBuffer;
}

/** Resolves after `ms`, or rejects with the round's reason the moment the round is aborted. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/** One attempt, bound to the round and to the timeout. */
async function attempt(signal: AbortSignal, url: string, init?: RequestInit): Promise<Response> {
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal.reason);
  signal.addEventListener("abort", onAbort, { once: true });
  const timer = setTimeout(
    () => controller.abort(new DOMException("The server did not answer in time.", "TimeoutError")),
    REQUEST_TIMEOUT_MS,
  );
  try {
    return await fetch(url, { ...init, signal: controller.signal });
  } catch (error) {
    // fetch rejects with the abort reason: a TimeoutError, or the round's AbortError.
    throw controller.signal.aborted && controller.signal.reason instanceof DOMException
      ? controller.signal.reason
      : error;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener("abort", onAbort);
  }
}

/**
 * fetch bound to the round (aborted offline) and to a timeout (an answer that never comes).
 * By hand rather than AbortSignal.any/timeout: older phones' browsers lack them.
 *
 * A request the network dropped (fetch rejects with a TypeError: a reset connection) is sent
 * again, up to twice, while the phone says it is online. That is safe for every request of a
 * round: pull and me are GETs, and a push is idempotent by design: the server answers a
 * replayed seq with its first outcome and applies nothing twice (server/sync/push.ts). An
 * answer of any status, a timeout, or the round being cut is never retried here.
 */
export function roundFetch(signal: AbortSignal) {
  return async (url: string, init?: RequestInit): Promise<Response> => {
    for (let retry = 0; ; retry++) {
      try {
        return await attempt(signal, url, init);
      } catch (error) {
        const delay = RETRY_DELAYS_MS[retry];
        const dropped = error instanceof TypeError && !signal.aborted;
        if (!dropped || delay === undefined || !online() || !resendable(init)) throw error;
        await pause(delay, signal);
      }
    }
  };
}
