/**
 * Uploads one document page with the tus protocol (resumable, in 256 KB
 * chunks): the heavy half of client/uploads, loaded only through `import()`
 * (see index.ts) so tus-js-client never enters the first screen's JavaScript.
 *
 * 1. HEAD /api/files/sha256/:hash — if the server already holds these bytes
 *    (another slot, another draft, an earlier attempt), nothing is sent.
 * 2. Otherwise tus: the fingerprint is the SHA-256, so the same content picks
 *    up its own unfinished upload (URL kept in localStorage, see
 *    url-storage.ts) after a drop, a reload or a restart, at the server's offset.
 * 3. After the last chunk, HEAD again: resolve only when the server says it
 *    holds the file (it hashed and sniffed it before recording it).
 */
import { type DetailedError, defaultOptions, Upload } from "tus-js-client";
import { PAGE_MIMES } from "../../shared/files/formats";
import { isRefusalCode, UploadError } from "./errors";
import { forgetUploadUrl, localUrlStorage } from "./url-storage";

export const TUS_ENDPOINT = "/api/files/tus/";
/** Small enough that a 3G drop loses at most a few seconds of sending. */
export const UPLOAD_CHUNK_BYTES = 256 * 1024;
/** Retries while the phone believes it is online (tus-js-client never retries while offline). */
export const UPLOAD_RETRY_DELAYS = [0, 1_000, 3_000, 5_000, 10_000, 20_000];
/** The server's limit (server/files/storage.ts); bigger pages are refused before sending. */
export const MAX_UPLOAD_BYTES = 6 * 1024 * 1024;
/**
 * A request the server accepted and never answers would hold the round (and its Web Lock) for
 * good: tus-js-client has no request timeout. This long without a byte moving or a retry, the
 * upload stops as "timeout" (the same 90 s as the round's other requests, round-fetch.ts).
 */
export const UPLOAD_STALL_MS = 90_000;
const SHA256_HEX = /^[0-9a-f]{64}$/;
/** A page's types: the one format table (shared/files/formats.ts, free of zod, so it stays out of this chunk). */
const UPLOAD_MIMES: readonly string[] = PAGE_MIMES;

export interface UploadPageOptions {
  data: ArrayBuffer;
  /** One of PAGE_MIMES (a stored page's `BlobRow.mime`); checked again by content, and decoded, on the server. */
  mime: string;
  /** sha256Hex(data), computed when the page was stored. */
  sha256: string;
  /** Bytes the server has confirmed or that are on their way, of `total`. */
  onProgress?: (sent: number, total: number) => void;
  /**
   * A request failed (no answer, a 5xx) and tus-js-client will try again after its delay: the
   * sync bar says the server is not answering instead of showing bytes that do not move.
   */
  onRetry?: (attempt: number) => void;
  /** Stops sending; the upload stays resumable. Rejects with code "aborted". */
  signal?: AbortSignal;
  /** No progress and no retry for this long: stops sending (still resumable) and rejects with code "timeout". */
  stallMs?: number;
}

export interface UploadPageResult {
  sha256: string;
  /** True when the server already had the content and nothing was sent. */
  skipped: boolean;
}

function aborted(signal?: AbortSignal): UploadError {
  if (signal?.reason === STALLED) return new UploadError("timeout", "The server stopped answering.");
  return new UploadError("aborted", "The upload was stopped.");
}

/** The abort reason of a stalled upload, told apart from the caller's own abort. */
const STALLED = Symbol("stalled");

/**
 * A signal that follows the caller's and also fires after `stallMs` with no `alive()` call.
 * By hand rather than AbortSignal.any/timeout: older phones' browsers lack them.
 */
function watchdog(stallMs: number, outer?: AbortSignal) {
  const controller = new AbortController();
  const onAbort = () => controller.abort(outer?.reason);
  if (outer?.aborted) onAbort();
  else outer?.addEventListener("abort", onAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const alive = () => {
    clearTimeout(timer);
    if (!controller.signal.aborted) timer = setTimeout(() => controller.abort(STALLED), stallMs);
  };
  alive();
  const stop = () => {
    clearTimeout(timer);
    outer?.removeEventListener("abort", onAbort);
  };
  return { signal: controller.signal, alive, stop };
}

/** Whether the server holds this content. */
async function isStored(sha256: string, signal?: AbortSignal): Promise<boolean> {
  let response: Response;
  try {
    response = await fetch(`/api/files/sha256/${sha256}`, {
      method: "HEAD",
      credentials: "same-origin",
      cache: "no-store",
      ...(signal ? { signal } : {}),
    });
  } catch {
    if (signal?.aborted) throw aborted(signal);
    throw new UploadError("offline", "The server could not be reached.");
  }
  if (response.status === 200) return true;
  if (response.status === 404) return false;
  if (response.status === 401 || response.status === 403) {
    throw new UploadError("session", "Not signed in as a cadre.", response.status);
  }
  throw new UploadError("server", `The server answered ${response.status}.`, response.status);
}

function toUploadError(error: Error | DetailedError): UploadError {
  if (!("originalRequest" in error)) return new UploadError("server", `Upload failed: ${error.name}.`);
  const response = error.originalResponse;
  if (!response) return new UploadError("offline", "The server could not be reached.");
  const status = response.getStatus();
  if (status === 401 || status === 403) return new UploadError("session", "Not signed in as a cadre.", status);
  let code: unknown;
  try {
    code = (JSON.parse(response.getBody()) as { error?: { code?: unknown } }).error?.code;
  } catch {
    code = undefined;
  }
  if (isRefusalCode(code)) return new UploadError(code, `The server refused the page (${code}).`, status);
  if (status === 413) return new UploadError("upload_too_large", "The server refused the page (too large).", status);
  return new UploadError("server", `The server answered ${status}.`, status);
}

function sendWithTus({ data, mime, sha256, onProgress, onRetry, signal }: UploadPageOptions): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const settle = (error?: UploadError) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      if (error) reject(error);
      else resolve();
    };
    const upload = new Upload(new Blob([data], { type: mime }), {
      // Absolute: tus-js-client resolves the Location header against it with `new URL`.
      endpoint: new URL(TUS_ENDPOINT, location.href).href,
      chunkSize: UPLOAD_CHUNK_BYTES,
      retryDelays: UPLOAD_RETRY_DELAYS,
      metadata: { sha256, mime },
      // The content is the identity: the same bytes resume the same upload, whatever slot they are in.
      fingerprint: async () => sha256,
      urlStorage: localUrlStorage,
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      onProgress: (sent, total) => onProgress?.(sent, total),
      // tus-js-client's own rule (no 4xx but 409/423, only while online), told to the caller.
      onShouldRetry: (error, attempt, options) => {
        const retry = defaultOptions.onShouldRetry?.(error, attempt, options) ?? false;
        if (retry) onRetry?.(attempt + 1);
        return retry;
      },
      onSuccess: () => settle(),
      onError: (error) => {
        const failure = toUploadError(error);
        if (failure.refused) void forgetUploadUrl(sha256);
        settle(failure);
      },
    });
    function onAbort() {
      void upload.abort(false);
      settle(aborted(signal));
    }
    signal?.addEventListener("abort", onAbort, { once: true });
    upload.findPreviousUploads().then(
      (previous) => {
        if (settled) return;
        const last = previous[0];
        if (last) upload.resumeFromPreviousUpload(last);
        upload.start();
      },
      () => {
        if (!settled) upload.start();
      },
    );
  });
}

/** Pages being uploaded, by hash: two slots holding the same photo share one upload. */
const inFlight = new Map<string, Promise<UploadPageResult>>();

async function run(options: UploadPageOptions): Promise<UploadPageResult> {
  const { data, sha256 } = options;
  if (!SHA256_HEX.test(sha256)) throw new UploadError("invalid_upload_metadata", "The page has no valid SHA-256.");
  if (!UPLOAD_MIMES.includes(options.mime)) {
    throw new UploadError("invalid_upload_metadata", "The page is not a JPEG, PNG, WebP or PDF.");
  }
  if (data.byteLength > MAX_UPLOAD_BYTES) {
    throw new UploadError("upload_too_large", "The page is larger than the server accepts.");
  }
  if (options.signal?.aborted) throw aborted();
  // Every request below (the HEAD checks and tus's PATCHes) gets this signal: bytes moving or a
  // retry starting keeps it quiet, a server that accepted a request and went silent trips it.
  const stall = watchdog(options.stallMs ?? UPLOAD_STALL_MS, options.signal);
  const signal = stall.signal;
  try {
    if (await isStored(sha256, signal)) {
      options.onProgress?.(data.byteLength, data.byteLength);
      return { sha256, skipped: true };
    }
    stall.alive();
    await sendWithTus({
      ...options,
      signal,
      onProgress: (sent, total) => {
        stall.alive();
        options.onProgress?.(sent, total);
      },
      onRetry: (attempt) => {
        stall.alive();
        options.onRetry?.(attempt);
      },
    });
    stall.alive();
    if (!(await isStored(sha256, signal))) {
      await forgetUploadUrl(sha256);
      throw new UploadError("not_stored", "The upload finished but the server does not hold the page.");
    }
    return { sha256, skipped: false };
  } finally {
    stall.stop();
  }
}

/**
 * Resolves once the server holds the page (verified there), sending only what
 * it lacks. Rejects with an UploadError. A call for a hash already uploading
 * joins that upload (its progress and signal stay the first caller's).
 */
export function uploadPage(options: UploadPageOptions): Promise<UploadPageResult> {
  const running = inFlight.get(options.sha256);
  // biome-ignore lint/nursery/noMisusedPromises: tests whether the work is already in flight (a promise or nothing)
  if (running) return running;
  const work = run(options).finally(() => inFlight.delete(options.sha256));
  inFlight.set(options.sha256, work);
  return work;
}
