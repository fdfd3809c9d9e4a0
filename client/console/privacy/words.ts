import { jakartaDate } from "../../../shared/jakarta-time";
import { formatJakartaDate } from "../../../shared/service-time/words";
import { formatNumber } from "../../format";
import { locale } from "../../i18n";
import { tp } from "../privacy-messages";

/** Bytes in Indonesian number style with the fitting unit ("1,5 MB"), whatever the UI language. */
export function formatSize(bytes: number): string {
  const units = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat("id-ID", {
    style: "unit",
    unit: units[unit],
    unitDisplay: "short",
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** The Jakarta date of a moment, in words ("3 Desember 2024"). */
export function formatMoment(iso: string): string {
  return formatJakartaDate(jakartaDate(new Date(iso)), locale.value);
}

/** "2 berkas, 1 pengaduan, 7 foto (14,6 kB)" and the same words for the dialog and the result. */
export function countsOf(totals: { files: number; complaints: number; photos: number; bytes: number }) {
  return {
    files: formatNumber(totals.files),
    complaints: formatNumber(totals.complaints),
    photos: formatNumber(totals.photos),
    size: formatSize(totals.bytes),
  };
}

export function totalsText(totals: { files: number; complaints: number; photos: number; bytes: number }): string {
  return tp("totals", countsOf(totals));
}
