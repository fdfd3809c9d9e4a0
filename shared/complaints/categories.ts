import type { LocalizedText } from "../text";

/** What a complaint is about, as the form offers it and the dashboard counts it. */
export const COMPLAINT_CATEGORIES = ["persyaratan", "waktu", "biaya", "perilaku", "informasi", "lainnya"] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

export const COMPLAINT_CATEGORY_LABELS = {
  persyaratan: { id: "Persyaratan", en: "Requirements" },
  waktu: { id: "Waktu pelayanan", en: "Service time" },
  biaya: { id: "Biaya/pungutan di luar tarif resmi", en: "Fee or charge beyond the official tariff" },
  perilaku: { id: "Perilaku petugas", en: "Staff conduct" },
  informasi: { id: "Informasi", en: "Information" },
  lainnya: { id: "Lainnya", en: "Other" },
} as const satisfies Record<ComplaintCategory, LocalizedText>;

/** Only an unofficial-fee report carries the amount asked (and, from the guide, the official fee). */
export function asksAmount(category: ComplaintCategory): boolean {
  return category === "biaya";
}

/** Where a complaint goes when the office is not the right place (the hand-over text names them). */
export const REFERRAL_CHANNELS = [
  { id: "lapor", name: "SP4N-LAPOR!", address: "https://www.lapor.go.id · SMS 1708" },
  { id: "jaklapor", name: "JakLapor (JAKI)", address: "Aplikasi JAKI · https://jaki.jakarta.go.id" },
  { id: "ombudsman", name: "Ombudsman RI Perwakilan Jakarta Raya", address: "https://ombudsman.go.id · 137" },
  { id: "inspektorat", name: "Inspektorat Provinsi DKI Jakarta", address: "https://inspektorat.jakarta.go.id" },
] as const;
