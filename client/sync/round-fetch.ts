/** A request that has not answered by then counts as "server unreachable" (slow 3G still fits a 2 MB push). */
const REQUEST_TIMEOUT_MS = 90_000;

/**
 * fetch bound to the round (aborted offline) and to a timeout (an answer that never comes).
 * By hand rather than AbortSignal.any/timeout: older phones' browsers lack them.
 */
export function roundFetch(signal: AbortSignal) {
  return async (url: string, init?: RequestInit): Promise<Response> => {
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
  };
}
