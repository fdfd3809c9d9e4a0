import type { RegionIndex } from "../regions";
import { formatDmy, isoDate, isRealDate } from "./dates";
import { type FieldProblem, fail, type Parsed, problem } from "./problem";
import { issuableRegion, readSixteen, regionProblem, type SixteenLabels, serialProblem } from "./sixteen";

/** What a NIK says about its holder. */
export interface NikFacts {
  /** 6-digit kecamatan code where the person was FIRST registered: never compare it with the current address. */
  regionCode: string;
  /** YYYY-MM-DD; the NIK holds only two year digits, so the century is the latest one not after today. */
  birthDate: string;
  sex: "male" | "female";
  serial: string;
}

const LABELS: SixteenLabels = {
  prefix: "nik",
  idStart: "NIK",
  id: "NIK",
  en: "NIK",
  sourceId: "Salin 16 angka NIK dari KTP atau Kartu Keluarga.",
  sourceEn: "Copy the 16-digit NIK from the KTP or the Kartu Keluarga.",
};

/**
 * Picks the century for a DDMMYY date: the latest year ending in `yy` whose date is not after `today`,
 * so the age is always under 101 (the "at most 120" rule holds by construction).
 * Undefined if the day and month do not form a real date in any candidate year.
 */
export function dateFromSixDigits(day: number, month: number, yy: number, today: string): string | undefined {
  const todayYear = Number(today.slice(0, 4)) || 2000;
  let year = todayYear - (todayYear % 100) + yy;
  if (year > todayYear) year -= 100;
  // At most two tries: this year's century, then the previous one (29 February, or a date later this year).
  for (const candidate of [year, year - 100]) {
    if (isRealDate(candidate, month, day) && isoDate(candidate, month, day) <= today)
      return isoDate(candidate, month, day);
  }
  return undefined;
}

/** Checks a NIK as typed (spaces, dots and dashes allowed); the value is the 16 digits. */
export function parseNik(
  input: string,
  regions: Pick<RegionIndex, "hasDistrict">,
  today: string,
): Parsed<string, NikFacts> {
  const read = readSixteen(input, LABELS);
  if (!read.ok) return read;
  const digits = read.value;
  if (!issuableRegion(digits.slice(0, 6), regions)) return regionProblem(digits, LABELS);

  const dd = Number(digits.slice(6, 8));
  const sex = dd > 40 ? "female" : "male";
  const day = sex === "female" ? dd - 40 : dd;
  const birthDate = dateFromSixDigits(day, Number(digits.slice(8, 10)), Number(digits.slice(10, 12)), today);
  const six = digits.slice(6, 12);
  if (birthDate === undefined) {
    return fail(
      "nik-birth-date",
      `Angka ke-7 sampai ke-12 NIK (${six}) harus tanggal lahir HHBBTT (untuk perempuan tanggalnya ditambah 40), tetapi ${six} bukan tanggal yang ada. Cocokkan lagi dengan KTP.`,
      `Digits 7–12 of the NIK (${six}) must be the birth date as DDMMYY (for women the day plus 40), but ${six} is not a real date. Compare it with the KTP.`,
    );
  }
  const serial = digits.slice(12);
  if (serial === "0000") return serialProblem(LABELS);
  return { ok: true, value: digits, facts: { regionCode: digits.slice(0, 6), birthDate, sex, serial } };
}

const SEX_ID = { male: "laki-laki", female: "perempuan" } as const;
const SEX_EN = { male: "male", female: "female" } as const;

/**
 * Compares what the NIK encodes with what was entered in the form. Only day, month and the last two
 * year digits are compared, since the NIK cannot tell 1925 from 2025.
 */
export function checkNikAgainst(
  facts: NikFacts,
  entered: { birthDate?: string; sex?: "male" | "female" },
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { birthDate } = entered;
  if (birthDate && /^\d{4}-\d{2}-\d{2}$/.test(birthDate) && birthDate.slice(2) !== facts.birthDate.slice(2)) {
    problems.push(
      problem(
        "nik-birth-date-mismatch",
        `Tanggal lahir di NIK (${formatDmy(facts.birthDate)}) tidak sama dengan tanggal lahir yang diisi (${formatDmy(birthDate)}). Periksa mana yang salah ketik: cocokkan keduanya dengan KTP.`,
        `The birth date in the NIK (${formatDmy(facts.birthDate)}) differs from the birth date entered (${formatDmy(birthDate)}). Check which one was mistyped by comparing both with the KTP.`,
      ),
    );
  }
  if (entered.sex && entered.sex !== facts.sex) {
    problems.push(
      problem(
        "nik-sex-mismatch",
        `Menurut NIK, pemiliknya ${SEX_ID[facts.sex]} (untuk perempuan, angka ke-7 dan ke-8 NIK adalah tanggal lahir ditambah 40), tetapi jenis kelamin yang diisi ${SEX_ID[entered.sex]}. Cocokkan NIK dan jenis kelamin dengan KTP.`,
        `According to the NIK its holder is ${SEX_EN[facts.sex]} (for women, digits 7–8 of the NIK are the birth day plus 40), but the sex entered is ${SEX_EN[entered.sex]}. Compare the NIK and the sex with the KTP.`,
      ),
    );
  }
  return problems;
}
