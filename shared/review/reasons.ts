import { z } from "zod";
import type { LocalizedText } from "../text";

/**
 * The fixed lists an operator picks reasons from. Codes, not free text, so the
 * dashboard can count them and the cadre's phone can show them in either
 * language; a free-text note may be added to any of them.
 */
export const FIX_REASONS = {
  blurry: { id: "Foto buram atau gelap", en: "Photo blurry or too dark" },
  "cut-off": { id: "Sebagian dokumen terpotong", en: "Part of the document is cut off" },
  "wrong-document": { id: "Dokumen yang difoto salah", en: "The wrong document was photographed" },
  expired: { id: "Dokumen sudah tidak berlaku", en: "The document has expired" },
  "data-mismatch": {
    id: "Data tidak sama dengan KTP/KK",
    en: "Details do not match the KTP/KK",
  },
  "missing-pages": { id: "Halaman belum lengkap", en: "Pages are missing" },
  "missing-signature": { id: "Belum ditandatangani atau dicap", en: "Not signed or stamped" },
  other: { id: "Lainnya", en: "Other" },
} as const satisfies Record<string, LocalizedText>;

export const REJECT_REASONS = {
  "not-eligible": { id: "Pemohon tidak memenuhi syarat layanan", en: "The applicant is not eligible" },
  "outside-area": { id: "Di luar wilayah kantor ini", en: "Outside this office's area" },
  duplicate: { id: "Permohonan ganda", en: "Duplicate application" },
  "invalid-document": { id: "Dokumen tidak sah", en: "Invalid document" },
  "withdrawn-by-applicant": { id: "Dibatalkan oleh pemohon", en: "Withdrawn by the applicant" },
  other: { id: "Lainnya", en: "Other" },
} as const satisfies Record<string, LocalizedText>;

export type FixReason = keyof typeof FIX_REASONS;
export type RejectReason = keyof typeof REJECT_REASONS;
export const FixReason = z.enum(Object.keys(FIX_REASONS) as [FixReason, ...FixReason[]]);
export const RejectReason = z.enum(Object.keys(REJECT_REASONS) as [RejectReason, ...RejectReason[]]);

/** The label of any reason code, or the code itself when it is unknown (a newer server's list). */
export function reasonLabel(code: string, locale: "id" | "en"): string {
  const all: Record<string, LocalizedText> = { ...FIX_REASONS, ...REJECT_REASONS };
  return all[code]?.[locale] ?? code;
}
