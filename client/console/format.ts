import { formatNumber } from "../format";
import { tc } from "./messages";

/** Percentages follow Indonesian conventions (12,5%), like every other number in the app. */
const percent = new Intl.NumberFormat("id-ID", { style: "percent", maximumFractionDigits: 1 });

export function formatRate(rate: number | null): string {
  return rate === null ? tc("none") : percent.format(rate);
}

export function formatHours(hours: number | null): string {
  return hours === null ? tc("none") : tc("hours", { value: formatNumber(Math.round(hours * 10) / 10) });
}
