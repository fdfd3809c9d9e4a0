import { fail, type Parsed } from "./problem";

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const TYPED_ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const TYPED_DMY = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;

const MONTHS_ID = [
  "Januari",
  "Februari",
  "Maret",
  "April",
  "Mei",
  "Juni",
  "Juli",
  "Agustus",
  "September",
  "Oktober",
  "November",
  "Desember",
];
const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether year-month-day exists in the (proleptic Gregorian) calendar. */
export function isRealDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** YYYY-MM-DD from numbers (no validation). */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** "1990-03-12" → "12-03-1990", the way dates are written on Indonesian documents. */
export function formatDmy(iso: string): string {
  const match = ISO.exec(iso);
  return match ? `${match[3]}-${match[2]}-${match[1]}` : iso;
}

/** Days since 1970-01-01 for a real date, without Date (whose two-digit years would shift to 19xx). */
function dayNumber(iso: string): number {
  const match = ISO.exec(iso);
  if (!match) return Number.NaN;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isRealDate(year, month, day)) return Number.NaN;
  // Howard Hinnant's days_from_civil.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Whole days from `from` to `to` (YYYY-MM-DD): positive when `to` is later; NaN if either is not a real date. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * A date typed or picked by the cadre: "YYYY-MM-DD" (what date inputs give) or "DD-MM-YYYY" / "DD/MM/YYYY"
 * (how Indonesian documents write it). The value is normalised to YYYY-MM-DD.
 */
export function parseDate(
  input: string,
  today: string,
  options: { notInFuture?: boolean; notBefore?: string } = {},
): Parsed<string> {
  const text = input.trim();
  if (!text) return fail("date-empty", "Tanggal belum diisi.", "The date is missing.");
  const iso = TYPED_ISO.exec(text);
  const dmy = iso ? null : TYPED_DMY.exec(text);
  if (!iso && !dmy) {
    return fail(
      "date-format",
      `"${text.slice(0, 20)}" bukan tanggal. Tulis dengan format HH-BB-TTTT, misalnya 17-08-1990.`,
      `"${text.slice(0, 20)}" is not a date. Write it as DD-MM-YYYY, for example 17-08-1990.`,
    );
  }
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : [Number(dmy?.[3]), Number(dmy?.[2]), Number(dmy?.[1])];
  if (!isRealDate(year, month, day)) {
    if (month < 1 || month > 12) {
      return fail(
        "date-invalid",
        `Bulan ${month} tidak ada: bulan harus 1 sampai 12. Periksa lagi urutannya (tanggal-bulan-tahun).`,
        `There is no month ${month}: the month must be 1 to 12. Check the order (day-month-year).`,
      );
    }
    const last = daysInMonth(year, month);
    return fail(
      "date-invalid",
      `Tanggal ${day} ${MONTHS_ID[month - 1]} ${year} tidak ada: ${MONTHS_ID[month - 1]} ${year} hanya sampai tanggal ${last}.`,
      `${MONTHS_EN[month - 1]} ${day}, ${year} does not exist: ${MONTHS_EN[month - 1]} ${year} has only ${last} days.`,
    );
  }
  const value = isoDate(year, month, day);
  if (options.notInFuture && value > today) {
    return fail(
      "date-future",
      `Tanggal ${formatDmy(value)} belum lewat (hari ini ${formatDmy(today)}). Periksa lagi tahunnya.`,
      `${formatDmy(value)} is in the future (today is ${formatDmy(today)}). Check the year.`,
    );
  }
  if (options.notBefore && value < options.notBefore) {
    return fail(
      "date-too-early",
      `Tanggal ${formatDmy(value)} terlalu awal: paling awal ${formatDmy(options.notBefore)}. Periksa lagi tahunnya.`,
      `${formatDmy(value)} is too early: the earliest allowed is ${formatDmy(options.notBefore)}. Check the year.`,
    );
  }
  return { ok: true, value, facts: undefined };
}
