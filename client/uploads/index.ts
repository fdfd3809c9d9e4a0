/**
 * Page uploads, light entry point: hashing and a lazy `uploadPage` whose
 * tus-js-client half (upload-page.ts) loads on first use, never with the
 * first screen. Import from here, not from upload-page.ts.
 */
import type { UploadPageOptions, UploadPageResult } from "./upload-page";

export type { UploadErrorCode } from "./errors";
export { UploadError } from "./errors";
export { sha256Hex } from "./sha256";
export type { UploadPageOptions, UploadPageResult } from "./upload-page";
export { forgetUploadUrls } from "./url-storage";

/** See upload-page.ts: HEAD-dedup, resumable tus upload, server confirmation. */
export async function uploadPage(options: UploadPageOptions): Promise<UploadPageResult> {
  const module = await import("./upload-page");
  return module.uploadPage(options);
}
