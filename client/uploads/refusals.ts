/**
 * Pages whose upload the server refused for good (too small to read, damaged,
 * not the declared type...), by SHA-256. The server deletes a refused upload
 * and keeps no trace of why, so a submit that needs the page comes back
 * `file-missing` naming the page ("foto ulang halaman 2 dari KTP-el"); the
 * phone, which heard the refusal, adds its cause to that page's reason.
 *
 * Kept in memory: the refusal and the push that reports it happen in the same
 * sync round (client/sync/engine.ts). Only hashes and codes, never content.
 */
import { MAX_IMAGE_PIXELS, MIN_IMAGE_LONG_EDGE } from "../../shared/files/formats";
import type { RefusalReason } from "../../shared/sync/protocol";
import { isRefusalCode, type UploadErrorCode } from "./errors";

/** Why the server refused a page, as the end of a sentence in both languages. */
const CAUSES: Partial<Record<UploadErrorCode, { id: string; en: string }>> = {
  image_too_small: {
    id: `fotonya terlalu kecil untuk dibaca petugas (sisi terpanjang kurang dari ${MIN_IMAGE_LONG_EDGE} piksel); ambil lebih dekat dengan kamera utama`,
    en: `the photo is too small for the office to read (long edge under ${MIN_IMAGE_LONG_EDGE} pixels); take it closer with the main camera`,
  },
  image_unreadable: {
    id: "fotonya rusak atau terpotong sehingga tidak bisa dibuka",
    en: "the photo is damaged or cut short and cannot be opened",
  },
  image_too_large: {
    id: `gambarnya terlalu besar (lebih dari ${MAX_IMAGE_PIXELS / 1_000_000} juta piksel)`,
    en: `the image is too large (more than ${MAX_IMAGE_PIXELS / 1_000_000} million pixels)`,
  },
  type_mismatch: {
    id: "isinya bukan foto JPEG, PNG, WebP atau PDF yang benar",
    en: "its content is not a proper JPEG, PNG, WebP or PDF",
  },
  upload_too_large: { id: "berkasnya lebih dari 6 MB", en: "the file is larger than 6 MB" },
  hash_mismatch: {
    id: "isinya berubah dalam perjalanan ke server",
    en: "its content changed on the way to the server",
  },
  invalid_upload_metadata: {
    id: "halaman ini tidak bisa dikirim dari HP ini",
    en: "this page cannot be sent from this phone",
  },
};

const refused = new Map<string, UploadErrorCode>();

/** Remembers that the server refused these bytes for good (`code` from an UploadError). */
export function recordRefusedUpload(sha256: string, code: unknown): void {
  if (isRefusalCode(code)) refused.set(sha256, code);
}

/** Forgets every remembered refusal (at sign-out, through forgetUploadUrls). */
export function forgetRefusedUploads(): void {
  refused.clear();
}

const PAGE_FIELD = /^documents\.(.+)\.pages\.(\d+)$/;

/**
 * The server's reasons for refusing a submit, each `file-missing` page whose
 * upload this phone saw refused completed with the cause. `args` is the
 * submitted mutation's args (`{ draft }`); anything unexpected is left as it is.
 */
export function explainRefusedPages(args: unknown, reasons: RefusalReason[]): RefusalReason[] {
  if (refused.size === 0) return reasons;
  const documents = (args as { draft?: { documents?: Record<string, { pages?: { sha256?: string }[] }> } } | null)
    ?.draft?.documents;
  if (!documents) return reasons;
  return reasons.map((reason) => {
    const place = reason.code === "file-missing" ? PAGE_FIELD.exec(reason.field ?? "") : null;
    if (!place) return reason;
    const [, requirementId = "", index = ""] = place;
    const sha256 = Object.hasOwn(documents, requirementId)
      ? documents[requirementId]?.pages?.[Number(index)]?.sha256
      : undefined;
    const code = sha256 ? refused.get(sha256) : undefined;
    const cause = code ? CAUSES[code] : undefined;
    if (!cause) return reason;
    const said = reason.message ?? { id: "", en: "" };
    return {
      ...reason,
      message: {
        id: `${said.id} Server menolaknya karena ${cause.id}.`.trim(),
        en: `${said.en} The server refused it because ${cause.en}.`.trim(),
      },
    };
  });
}
