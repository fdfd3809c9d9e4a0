import { z } from "zod";
import type { Locale, LocalizedText } from "../text";

/**
 * Stable, machine-readable error codes of the HTTP API. Clients branch on
 * `code`; `message` is for people and follows the request's language.
 */
export const ERROR_MESSAGES = {
  invalid_cursor: {
    id: "Penanda pembaruan (cursor) tidak dikenali. Unduh ulang seluruh katalog.",
    en: "The update cursor is not recognised. Download the whole catalogue again.",
  },
  invalid_query: {
    id: "Parameter permintaan tidak dikenal atau tidak valid.",
    en: "The request has an unknown or invalid query parameter.",
  },
  invalid_guide_id: {
    id: "Kode layanan tidak valid. Gunakan huruf kecil, angka dan tanda hubung.",
    en: "The service id is not valid. Use lowercase letters, digits and hyphens.",
  },
  guide_not_found: {
    id: "Layanan ini tidak ada di katalog.",
    en: "This service is not in the catalogue.",
  },
  guide_withdrawn: {
    id: "Layanan ini sudah ditarik dari katalog.",
    en: "This service has been withdrawn from the catalogue.",
  },
  not_found: { id: "Alamat API tidak ditemukan.", en: "No such API endpoint." },
  method_not_allowed: { id: "Metode permintaan tidak diizinkan.", en: "Request method not allowed." },
  internal_error: {
    id: "Terjadi kesalahan di server. Coba lagi nanti.",
    en: "Something went wrong on the server. Please try again later.",
  },
} as const satisfies Record<string, LocalizedText>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;
export const ErrorCode = z.enum(Object.keys(ERROR_MESSAGES) as [ErrorCode, ...ErrorCode[]]);

export const ApiError = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    /** Extra machine-readable facts, e.g. which parameter was wrong. */
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ApiError = z.infer<typeof ApiError>;

export function errorBody(code: ErrorCode, locale: Locale, details?: Record<string, unknown>): ApiError {
  return { error: { code, message: ERROR_MESSAGES[code][locale], ...(details ? { details } : {}) } };
}
