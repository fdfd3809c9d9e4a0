/**
 * The periods an office reports the SKM for: a year ("2026") or a half-year
 * ("2026-S1" January–June, "2026-S2" July–December), as Jakarta dates.
 */
export interface SkmPeriod {
  key: string;
  /** First and last Jakarta date of the period, inclusive (YYYY-MM-DD). */
  from: string;
  to: string;
}

const PERIOD = /^(\d{4})(?:-S([12]))?$/;

export function parseSkmPeriod(key: string): SkmPeriod | null {
  const match = PERIOD.exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 2000 || year > 2100) return null;
  if (match[2] === "1") return { key, from: `${year}-01-01`, to: `${year}-06-30` };
  if (match[2] === "2") return { key, from: `${year}-07-01`, to: `${year}-12-31` };
  return { key, from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The half-year a Jakarta date falls in ("2026-11-30" → "2026-S2"). */
export function semesterOf(date: string): string {
  return `${date.slice(0, 4)}-S${Number(date.slice(5, 7)) <= 6 ? 1 : 2}`;
}

/** How a period reads on screen and on the printed notice. */
export function periodLabel(key: string, locale: "id" | "en"): string {
  const match = PERIOD.exec(key);
  if (!match) return key;
  if (!match[2]) return locale === "id" ? `Tahun ${match[1]}` : `Year ${match[1]}`;
  const half =
    match[2] === "1" ? { id: "Januari–Juni", en: "January–June" } : { id: "Juli–Desember", en: "July–December" };
  return locale === "id"
    ? `Semester ${match[2]} (${half.id}) ${match[1]}`
    : `Half ${match[2]} (${half.en}) ${match[1]}`;
}
