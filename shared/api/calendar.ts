import { z } from "zod";
import { type ClosedKind, isDate } from "../service-time/calendar";
import type { Locale, LocalizedText } from "../text";

/**
 * The work calendar as the console reads and edits it ("Kalender kerja",
 * /api/console/calendar): national holidays, cuti bersama and the office's
 * own closure days, per year, and the office setting on cuti bersama.
 *
 * A day is checked here once: the server refuses what `checkCalendarDay`
 * refuses (400 calendar_day_invalid, `details.field` and `details.issues`
 * with a code per field), and the console's form says the same words at
 * the same field before sending.
 */

export const CALENDAR_KINDS = ["holiday", "joint-leave", "closure"] as const satisfies readonly ClosedKind[];

export const KIND_LABELS: Record<ClosedKind, LocalizedText> = {
  holiday: { id: "Libur nasional", en: "National holiday" },
  "joint-leave": { id: "Cuti bersama", en: "Joint leave (cuti bersama)" },
  closure: { id: "Kantor tutup", en: "Office closed" },
};

/** The years a day may be in: far enough for any decree, near enough that a typo ("2206") is caught. */
export const FIRST_YEAR = 2020;
export const LAST_YEAR = 2100;
export const NAME_MAX = 120;
export const SOURCE_MAX = 300;

/** The office's complaint standard: working days to answer a complaint (default 5, shared/complaints/workflow.ts). */
export const COMPLAINT_DAYS_MIN = 1;
export const COMPLAINT_DAYS_MAX = 60;

export const CALENDAR_PROBLEMS = {
  date_invalid: {
    id: "Isi tanggal yang benar.",
    en: "Enter a real date.",
  },
  date_out_of_range: {
    id: `Tanggal harus antara tahun ${FIRST_YEAR} dan ${LAST_YEAR}.`,
    en: `The date must be between ${FIRST_YEAR} and ${LAST_YEAR}.`,
  },
  date_taken: {
    id: "Tanggal ini sudah ada di kalender. Ubah atau hapus yang sudah ada.",
    en: "This date is already in the calendar. Change or remove the existing one.",
  },
  kind_invalid: {
    id: "Pilih jenis hari: libur nasional, cuti bersama atau kantor tutup.",
    en: "Choose the kind of day: national holiday, joint leave or office closed.",
  },
  name_required: {
    id: "Isi nama hari, misalnya “Idulfitri 1448 H”.",
    en: "Enter the day's name, e.g. “Idulfitri 1448 H”.",
  },
  name_too_long: {
    id: `Nama hari paling panjang ${NAME_MAX} karakter.`,
    en: `The name may be at most ${NAME_MAX} characters.`,
  },
  source_required: {
    id: "Isi dasar penetapannya: nomor SKB 3 Menteri, Keppres, atau surat keputusan kantor.",
    en: "Enter what sets it: the joint decree's number, a presidential decree or the office's decision.",
  },
  source_too_long: {
    id: `Dasar penetapan paling panjang ${SOURCE_MAX} karakter.`,
    en: `The source may be at most ${SOURCE_MAX} characters.`,
  },
  text_invalid: {
    id: "Teks ini berisi karakter yang tidak boleh (tanda baris baru atau karakter kendali).",
    en: "This text holds characters that are not allowed (line breaks or control characters).",
  },
  setting_invalid: {
    id: "Pilih ya atau tidak.",
    en: "Choose yes or no.",
  },
  complaint_days_invalid: {
    id: `Isi bilangan bulat hari kerja, ${COMPLAINT_DAYS_MIN} sampai ${COMPLAINT_DAYS_MAX}.`,
    en: `Enter a whole number of working days, ${COMPLAINT_DAYS_MIN} to ${COMPLAINT_DAYS_MAX}.`,
  },
  setting_missing: {
    id: "Kirim pengaturan yang dikenal: cuti bersama dan/atau batas waktu tanggapan pengaduan.",
    en: "Send a known setting: joint leave and/or the complaint response time.",
  },
  body_invalid: {
    id: "Isi permintaan harus berupa objek dengan tanggal, jenis, nama dan dasar penetapan.",
    en: "The request must be an object with the date, kind, name and source.",
  },
} as const satisfies Record<string, LocalizedText>;

export type CalendarProblem = keyof typeof CALENDAR_PROBLEMS;

export function calendarProblemText(code: string, locale: Locale): string | undefined {
  return (CALENDAR_PROBLEMS as Record<string, LocalizedText>)[code]?.[locale];
}

export type CalendarField =
  | "date"
  | "kind"
  | "name"
  | "source"
  | "jointLeaveIsWorkingDay"
  | "complaintResponseDays"
  | "body";

export interface CalendarIssue {
  path: [CalendarField];
  code: CalendarProblem;
  message: string;
}

export interface CalendarDayInput {
  date: string;
  kind: ClosedKind;
  name: string;
  source: string;
}

/** A date a day may have: a real calendar date within the years above; null when fine. */
export function dateProblem(value: unknown): CalendarProblem | null {
  if (typeof value !== "string" || !isDate(value)) return "date_invalid";
  const year = Number(value.slice(0, 4));
  return year < FIRST_YEAR || year > LAST_YEAR ? "date_out_of_range" : null;
}

// Line breaks and other control characters: a name is one line in a list and a CSV cell.
const CONTROL = /\p{Cc}/u;

function textProblem(value: unknown, max: number, required: CalendarProblem, tooLong: CalendarProblem) {
  if (typeof value !== "string" || value.trim() === "") return required;
  if (CONTROL.test(value)) return "text_invalid";
  return value.trim().length > max ? tooLong : null;
}

export type CalendarCheck<T> = { ok: true; value: T } | { ok: false; issues: CalendarIssue[] };

/**
 * A day as sent by the console: the date (unless `date` is given, from the
 * address, for a change), its kind, name and source, each trimmed. Every
 * wrong field is named, in form order; unknown keys are ignored.
 */
export function checkCalendarDay(body: unknown, locale: Locale, date?: string): CalendarCheck<CalendarDayInput> {
  const issue = (field: CalendarField, code: CalendarProblem): CalendarIssue => ({
    path: [field],
    code,
    message: CALENDAR_PROBLEMS[code][locale],
  });
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { ok: false, issues: [issue("body", "body_invalid")] };
  }
  const input = body as Record<string, unknown>;
  const issues: CalendarIssue[] = [];
  const day = date ?? input.date;
  const problems: [CalendarField, CalendarProblem | null][] = [
    ["date", date === undefined ? dateProblem(day) : null],
    ["kind", CALENDAR_KINDS.includes(input.kind as ClosedKind) ? null : "kind_invalid"],
    ["name", textProblem(input.name, NAME_MAX, "name_required", "name_too_long")],
    ["source", textProblem(input.source, SOURCE_MAX, "source_required", "source_too_long")],
  ];
  for (const [field, code] of problems) if (code) issues.push(issue(field, code));
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: {
      date: day as string,
      kind: input.kind as ClosedKind,
      name: (input.name as string).trim(),
      source: (input.source as string).trim(),
    },
  };
}

/** The complaint standard as the form and the server check it: a whole number of working days, 1–60. */
export const ComplaintResponseDays = z.int().min(COMPLAINT_DAYS_MIN).max(COMPLAINT_DAYS_MAX);

/** PUT /api/console/calendar/settings: one setting or both; at least one. */
export const CalendarSettingRequest = z.strictObject({
  jointLeaveIsWorkingDay: z.boolean().optional(),
  complaintResponseDays: ComplaintResponseDays.optional(),
});
export type CalendarSettingRequest = z.infer<typeof CalendarSettingRequest>;

/**
 * The settings body checked field by field: each wrong one named with its
 * code, an empty body refused, unknown keys refused (a typo must not pass as
 * "nothing changed").
 */
export function checkCalendarSetting(body: unknown, locale: Locale): CalendarCheck<CalendarSettingRequest> {
  const issue = (field: CalendarField, code: CalendarProblem): CalendarIssue => ({
    path: [field],
    code,
    message: CALENDAR_PROBLEMS[code][locale],
  });
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { ok: false, issues: [issue("jointLeaveIsWorkingDay", "setting_invalid")] };
  }
  const input = body as Record<string, unknown>;
  const issues: CalendarIssue[] = [];
  if ("jointLeaveIsWorkingDay" in input && typeof input.jointLeaveIsWorkingDay !== "boolean") {
    issues.push(issue("jointLeaveIsWorkingDay", "setting_invalid"));
  }
  if ("complaintResponseDays" in input && !ComplaintResponseDays.safeParse(input.complaintResponseDays).success) {
    issues.push(issue("complaintResponseDays", "complaint_days_invalid"));
  }
  if (issues.length > 0) return { ok: false, issues };
  const parsed = CalendarSettingRequest.safeParse(body);
  if (!parsed.success) return { ok: false, issues: [issue("body", "setting_missing")] };
  const value = parsed.data;
  if (value.jointLeaveIsWorkingDay === undefined && value.complaintResponseDays === undefined) {
    return { ok: false, issues: [issue("body", "setting_missing")] };
  }
  return { ok: true, value };
}

const KindSchema = z.enum(CALENDAR_KINDS);

export const CalendarDay = z.object({
  date: z.string(),
  kind: KindSchema,
  name: z.string(),
  source: z.string(),
  /** Entered or changed by someone in the console (false: as shipped with the app). */
  edited: z.boolean(),
  updatedAt: z.string(),
});
export type CalendarDay = z.infer<typeof CalendarDay>;

export const CalendarYear = z.object({
  year: z.int(),
  days: z.array(CalendarDay),
  /**
   * false: the year's SKB 3 Menteri is not in the calendar yet (the shipped table
   * lacks it and nobody has entered a holiday or cuti bersama of that year since).
   */
  complete: z.boolean(),
});
export type CalendarYear = z.infer<typeof CalendarYear>;

export const CalendarView = z.object({
  /** Every year with a day, and always the current and the next year (Jakarta). */
  years: z.array(CalendarYear),
  jointLeaveIsWorkingDay: z.boolean(),
  /** The office's complaint standard: working days to answer a new complaint. */
  complaintResponseDays: z.int().min(1),
  /** Today's Jakarta date, so the console opens on the current year. */
  today: z.string(),
  /** Running clocks whose deadline the calendar decides (shown beside the setting). */
  runningClocks: z.int().min(0),
});
export type CalendarView = z.infer<typeof CalendarView>;

/** The answer to every change: the calendar as it now is, and how many running deadlines moved. */
export const CalendarChangeResponse = z.object({ calendar: CalendarView, clocksMoved: z.int().min(0) });
export type CalendarChangeResponse = z.infer<typeof CalendarChangeResponse>;
