/**
 * Why a page upload did not end with the server holding the page. Messages
 * are English and carry no personal data (they may reach logs); screens map
 * `code` to localized text.
 * - offline: the server could not be reached (no network, a drop, the server down);
 * - aborted: the caller's AbortSignal fired (the upload can resume later);
 * - timeout: the server accepted a request and then went silent (no byte moved, no retry, for
 *   UPLOAD_STALL_MS): stopped so the round ends; the upload can resume later;
 * - session: not signed in any more, or not a cadre;
 * - hash_mismatch, type_mismatch, upload_too_large, invalid_upload_metadata,
 *   image_unreadable, image_too_small, image_too_large: the server refused this
 *   content (the last three after decoding the picture); sending the same
 *   bytes again will not help;
 * - not_stored: the upload finished but the server does not list the file;
 * - server: any other answer (5xx after the retries, an unexpected status).
 */
export type UploadErrorCode =
  | "offline"
  | "aborted"
  | "timeout"
  | "session"
  | "hash_mismatch"
  | "type_mismatch"
  | "upload_too_large"
  | "invalid_upload_metadata"
  | "image_unreadable"
  | "image_too_small"
  | "image_too_large"
  | "not_stored"
  | "server";

const REFUSALS: ReadonlySet<UploadErrorCode> = new Set([
  "hash_mismatch",
  "type_mismatch",
  "upload_too_large",
  "invalid_upload_metadata",
  "image_unreadable",
  "image_too_small",
  "image_too_large",
]);

export class UploadError extends Error {
  override readonly name = "UploadError";
  constructor(
    readonly code: UploadErrorCode,
    message: string,
    /** The HTTP status, when the server answered. */
    readonly status?: number,
  ) {
    super(message);
  }

  /** True when the server refused the content itself: retrying the same bytes is pointless. */
  get refused(): boolean {
    return REFUSALS.has(this.code);
  }
}

export function isRefusalCode(code: unknown): code is UploadErrorCode {
  return typeof code === "string" && REFUSALS.has(code as UploadErrorCode);
}
