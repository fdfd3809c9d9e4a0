import type { RegionIndex } from "../regions";
import { formatDmy, isoDate, isRealDate } from "./dates";
import { fail, type Parsed } from "./problem";
import { issuableRegion, readSixteen, regionProblem, type SixteenLabels, serialProblem } from "./sixteen";

/** What a KK (Kartu Keluarga) number says. It changes when the family moves, splits or changes its head. */
export interface KkFacts {
  /** 6-digit kecamatan code where the KK was issued. */
  regionCode: string;
  /** YYYY-MM-DD, always read as 20YY (16-digit KK numbers date from the 2000s). */
  issuedOn: string;
  serial: string;
}

const LABELS: SixteenLabels = {
  prefix: "kk",
  idStart: "Nomor KK",
  id: "nomor KK",
  en: "KK number",
  sourceId: "Salin 16 angka nomor KK dari bagian atas Kartu Keluarga.",
  sourceEn: "Copy the 16-digit number printed at the top of the Kartu Keluarga.",
};

/** Checks a KK number as typed (spaces, dots and dashes allowed); the value is the 16 digits. */
export function parseKk(
  input: string,
  regions: Pick<RegionIndex, "hasDistrict">,
  today: string,
): Parsed<string, KkFacts> {
  const read = readSixteen(input, LABELS);
  if (!read.ok) return read;
  const digits = read.value;
  if (!issuableRegion(digits.slice(0, 6), regions)) return regionProblem(digits, LABELS);

  const six = digits.slice(6, 12);
  const [day, month, year] = [
    Number(digits.slice(6, 8)),
    Number(digits.slice(8, 10)),
    2000 + Number(digits.slice(10, 12)),
  ];
  if (!isRealDate(year, month, day)) {
    return fail(
      "kk-issue-date",
      `Angka ke-7 sampai ke-12 nomor KK (${six}) harus tanggal terbit HHBBTT, tetapi ${six} bukan tanggal yang ada. Cocokkan lagi dengan Kartu Keluarga.`,
      `Digits 7–12 of the KK number (${six}) must be the issue date as DDMMYY, but ${six} is not a real date. Compare it with the Kartu Keluarga.`,
    );
  }
  const issuedOn = isoDate(year, month, day);
  if (issuedOn > today) {
    return fail(
      "kk-issue-date",
      `Angka ke-7 sampai ke-12 nomor KK (${six}) berarti tanggal terbit ${formatDmy(issuedOn)}, yang belum lewat. Cocokkan lagi dengan Kartu Keluarga.`,
      `Digits 7–12 of the KK number (${six}) give the issue date ${formatDmy(issuedOn)}, which is in the future. Compare it with the Kartu Keluarga.`,
    );
  }
  const serial = digits.slice(12);
  if (serial === "0000") return serialProblem(LABELS);
  return { ok: true, value: digits, facts: { regionCode: digits.slice(0, 6), issuedOn, serial } };
}
