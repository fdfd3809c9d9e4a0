import type { ApplicationStatus } from "../sync/protocol";
import type { Locale } from "../text";
import type { ClockView } from "./clock";

/**
 * The clock and a file's status in words, once, for every reader: the
 * console, the cadre's phone, the public /lacak page and the WhatsApp text
 * all say the same thing the same way. Dates are Jakarta dates, written with
 * Intl for id-ID (en-GB in English).
 */
const DATE_LOCALES: Record<Locale, string> = { id: "id-ID", en: "en-GB" };

/** "Rabu, 9 Desember 2026" for a Jakarta date "2026-12-09". */
export function formatJakartaDate(date: string, locale: Locale, withWeekday = true): string {
  return new Intl.DateTimeFormat(DATE_LOCALES[locale], {
    ...(withWeekday ? { weekday: "long" } : {}),
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${date}T00:00:00Z`));
}

export function dayUnitText(count: number, unit: "working" | "calendar", locale: Locale): string {
  if (locale === "id") return `${count} hari ${unit === "working" ? "kerja" : "kalender"}`;
  const noun = unit === "working" ? "working day" : "calendar day";
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** One short line for lists: "Sisa 3 hari kerja", "Lewat 2 hari kerja", "Dijeda", "Selesai tepat waktu". */
export function clockShortText(view: ClockView, locale: Locale): string {
  const id = locale === "id";
  if (view.state === "paused") return id ? "Waktu dijeda" : "Clock paused";
  if (view.state === "stopped") {
    if (view.onTime) return id ? "Selesai tepat waktu" : "Decided on time";
    return id ? "Selesai melewati batas waktu" : "Decided late";
  }
  if (view.urgency === "overdue") {
    const late = -view.left;
    if (late <= 0) return id ? "Lewat batas waktu" : "Past the deadline";
    return id ? `Lewat ${dayUnitText(late, view.unit, locale)}` : `${dayUnitText(late, view.unit, locale)} late`;
  }
  // Nothing left but not late: today is the last day to decide.
  if (view.left === 0) return id ? "Batas waktu hari ini" : "Due today";
  return id ? `Sisa ${dayUnitText(view.left, view.unit, locale)}` : `${dayUnitText(view.left, view.unit, locale)} left`;
}

/** The full sentence for a file's page: used, out of how many, and the deadline. */
export function clockText(view: ClockView, locale: Locale): string {
  const id = locale === "id";
  // A same-day service has no days to count out of: say what it promises instead.
  const of =
    view.days === 0
      ? id
        ? "layanan selesai di hari yang sama"
        : "a same-day service"
      : id
        ? `${view.used} dari ${dayUnitText(view.days, view.unit, locale)} terpakai`
        : `${view.used} of ${dayUnitText(view.days, view.unit, locale)} used`;
  if (view.state === "paused") {
    return id
      ? `Waktu layanan dijeda selama berkas diperbaiki warga (${of}).`
      : `The service clock is paused while the citizen fixes the file (${of}).`;
  }
  if (view.state === "stopped") {
    const verdict = view.onTime ? (id ? "tepat waktu" : "on time") : id ? "melewati batas waktu" : "after the deadline";
    return id
      ? `Diputus dalam ${dayUnitText(view.used, view.unit, locale)}, ${verdict} (batas ${dayUnitText(view.days, view.unit, locale)}).`
      : `Decided in ${dayUnitText(view.used, view.unit, locale)}, ${verdict} (service time ${dayUnitText(view.days, view.unit, locale)}).`;
  }
  const deadline = view.deadline ? formatJakartaDate(view.deadline, locale) : "";
  return `${clockShortText(view, locale)} · ${of} · ${id ? "batas" : "deadline"} ${deadline}`;
}

/** What a file's status means to the citizen, in plain words (never the office's internal terms). */
export const CITIZEN_STATUS: Record<Exclude<ApplicationStatus, "draft">, { id: string; en: string }> = {
  submitted: {
    id: "Sudah diajukan, menunggu diterima kantor",
    en: "Submitted, waiting for the office to receive it",
  },
  received: { id: "Diterima kantor dan sedang diperiksa", en: "Received by the office and being checked" },
  verified: { id: "Berkas lengkap dan benar, sedang diproses", en: "Complete and correct, being processed" },
  "needs-fix": {
    id: "Perlu diperbaiki: lihat yang diminta kantor",
    en: "Needs fixing: see what the office asked for",
  },
  approved: { id: "Selesai: permohonan disetujui", en: "Done: the application was approved" },
  rejected: { id: "Ditolak kantor", en: "Refused by the office" },
};

/** "sudah diterima kantor": how the WhatsApp text to the neighbour ends ("Berkas Anda nomor … sudah …"). */
export const STATUS_AFTER_SUDAH: Record<Exclude<ApplicationStatus, "draft">, { id: string; en: string }> = {
  submitted: { id: "sudah diajukan ke kantor", en: "has been submitted to the office" },
  received: { id: "sudah diterima kantor dan sedang diperiksa", en: "has been received by the office" },
  verified: { id: "sudah diperiksa dan lengkap", en: "has been checked and is complete" },
  "needs-fix": { id: "sudah diperiksa dan perlu diperbaiki", en: "has been checked and needs fixing" },
  approved: { id: "sudah disetujui", en: "has been approved" },
  rejected: { id: "sudah diputus: ditolak kantor", en: "has been decided: refused by the office" },
};

/** Initials only ("Siti Wulandari" → "S. W."): all the public page ever shows of a name. */
export function initialsOf(fullName: string): string {
  return fullName
    .normalize("NFKC")
    .split(/[\s.'’-]+/u)
    .map((part) => [...part][0])
    .filter((first): first is string => !!first && /\p{L}/u.test(first))
    .slice(0, 4)
    .map((first) => `${first.toLocaleUpperCase("id-ID")}.`)
    .join(" ");
}
