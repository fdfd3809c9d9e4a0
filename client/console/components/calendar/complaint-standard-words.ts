import type { LocalizedText } from "../../../../shared/text";
import { interpolate, locale } from "../../../i18n";

/** The complaint standard's words (kept beside its component; the console's table is the calendar's). */
const WORDS = {
  title: { id: "Standar pengaduan", en: "Complaint standard" },
  label: { id: "Batas waktu tanggapan pengaduan (hari kerja)", en: "Complaint response time (working days)" },
  hint: {
    id: "Berlaku untuk pengaduan yang masuk sesudah diubah; pengaduan yang sudah ada tetap memakai batas waktunya.",
    en: "Applies to complaints received after the change; existing complaints keep their deadline.",
  },
  value: { id: "{days} hari kerja", en: "{days} working days" },
  save: { id: "Simpan batas waktu", en: "Save the response time" },
  saved: {
    id: "Batas waktu tanggapan pengaduan sekarang {days} hari kerja.",
    en: "The complaint response time is now {days} working days.",
  },
} as const satisfies Record<string, LocalizedText>;

export function complaintWords(key: keyof typeof WORDS, values: Record<string, string | number> = {}): string {
  return interpolate(WORDS[key][locale.value], values);
}
