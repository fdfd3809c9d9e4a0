import type { Locale } from "../shared/text";

/** Money and numbers always follow Indonesian conventions (Rp 10.000), whatever the UI language. */
const rupiah = new Intl.NumberFormat("id-ID", { style: "currency", currency: "IDR", maximumFractionDigits: 0 });
const numbers = new Intl.NumberFormat("id-ID");

export function formatRupiah(amount: number): string {
  return rupiah.format(amount);
}

export function formatNumber(value: number): string {
  return numbers.format(value);
}

const dateLocales: Record<Locale, string> = { id: "id-ID", en: "en-ID" };

export function formatDateTime(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(dateLocales[locale], { dateStyle: "medium", timeStyle: "short" }).format(date);
}

/** A calendar date (YYYY-MM-DD) as people read it ("2 Desember 2026"), without a time zone shift. */
export function formatDay(date: string, locale: Locale): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  return new Intl.DateTimeFormat(dateLocales[locale], { dateStyle: "long", timeZone: "UTC" }).format(parsed);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** "5 menit yang lalu"; older than a week falls back to the date itself. */
export function formatRelative(date: Date, locale: Locale, now = Date.now()): string {
  const elapsed = date.getTime() - now;
  if (Math.abs(elapsed) > 7 * 86_400_000) return formatDateTime(date, locale);
  const format = new Intl.RelativeTimeFormat(dateLocales[locale], { numeric: "auto" });
  for (const [unit, ms] of UNITS) {
    if (Math.abs(elapsed) >= ms) return format.format(Math.round(elapsed / ms), unit);
  }
  return format.format(0, "minute");
}
