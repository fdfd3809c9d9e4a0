import { formatNumber } from "../format";
import { tc } from "./messages";

/** Percentages follow Indonesian conventions (12,5%), like every other number in the app. */
const percent = new Intl.NumberFormat("id-ID", { style: "percent", maximumFractionDigits: 1 });

export function formatRate(rate: number | null): string {
  return rate === null ? tc("none") : percent.format(rate);
}

export function formatHours(hours: number | null): string {
  if (hours === null) return tc("none");
  // Under an hour, "0 jam" would hide a real, fast turnaround: say minutes instead.
  if (hours < 1) return tc("minutes", { value: formatNumber(Math.round(hours * 60)) });
  if (hours >= 48) return tc("days", { value: formatNumber(Math.round((hours / 24) * 10) / 10) });
  return tc("hours", { value: formatNumber(Math.round(hours * 10) / 10) });
}

/** "60% (3 dari 5 berkas yang diajukan)": a rate never stands without what it is a share of. */
export function rateBasis(part: number, whole: number): string {
  return tc("rateBasis", { part: formatNumber(part), whole: formatNumber(whole), count: whole });
}

/** The short form for table cells, whose header says what is counted: "3 dari 5". */
export function rateOf(part: number, whole: number): string {
  return tc("rateOf", { part: formatNumber(part), whole: formatNumber(whole) });
}
