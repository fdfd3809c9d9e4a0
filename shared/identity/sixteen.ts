import { DISTRICT_CODES } from "../regions/data/district-codes";
import type { RegionIndex } from "../regions/index";
import { fail, type Parsed } from "./problem";

/** What NIK and KK numbers share: 16 digits = 6-digit kecamatan code + DDMMYY + 4-digit serial. */
export interface SixteenLabels {
  prefix: "nik" | "kk";
  /** At the start of a sentence ("Nomor KK") and inside one ("nomor KK"). */
  idStart: string;
  id: string;
  en: string;
  /** Where to copy it from, ending the "missing" message. */
  sourceId: string;
  sourceEn: string;
}

/** Spaces, dots and dashes people type to group the digits. */
const SEPARATORS = /[\s.\-\u2010-\u2015]/g;

/** Strips separators; checks emptiness, digits only and length. Returns the 16 digits. */
export function readSixteen(input: string, labels: SixteenLabels): Parsed<string> {
  const digits = input.replace(SEPARATORS, "");
  const { prefix, idStart, en } = labels;
  if (!digits)
    return fail(
      `${prefix}-empty`,
      `${idStart} belum diisi. ${labels.sourceId}`,
      `The ${en} is missing. ${labels.sourceEn}`,
    );
  if (!/^\d+$/.test(digits)) {
    return fail(
      `${prefix}-not-digits`,
      `${idStart} hanya berisi angka 0–9. Hapus huruf atau tanda lain (misalnya huruf O yang diketik sebagai angka 0).`,
      `A ${en} contains only the digits 0–9. Remove letters and other signs (for example a letter O typed instead of a zero).`,
    );
  }
  if (digits.length !== 16) {
    return fail(
      `${prefix}-length`,
      `${idStart} harus 16 angka, yang diketik ${digits.length}. Cocokkan lagi angka per angka dengan dokumennya.`,
      `A ${en} has 16 digits; ${digits.length} ${digits.length === 1 ? "was" : "were"} entered. Compare it digit by digit with the document.`,
    );
  }
  return { ok: true, value: digits, facts: undefined };
}

let provinces: Set<string> | undefined;

/** Province codes in use today (38); the split provinces kept or took over every older code's first two digits. */
function provinceCodes(): Set<string> {
  provinces ??= new Set(DISTRICT_CODES.split(" ").map((block) => block.slice(0, 2)));
  return provinces;
}

/**
 * Whether the first six digits of a NIK or KK number can be real. A number
 * keeps the kecamatan code it was issued under for life, and outside Jakarta
 * codes went away when regencies and provinces split (a pre-2022 Kota Jayapura
 * NIK starts 9471, now 9171), so an unknown code there is refused only when it
 * cannot be one: an unknown province, or a 00 regency or kecamatan. DKI
 * Jakarta's kecamatan codes have not changed since NIKs were issued, so there
 * the code must be one of today's, which still catches a mistyped digit.
 */
export function issuableRegion(code6: string, regions: Pick<RegionIndex, "hasDistrict">): boolean {
  if (regions.hasDistrict(code6)) return true;
  const province = code6.slice(0, 2);
  if (province === "31" || !provinceCodes().has(province)) return false;
  return code6.slice(2, 4) !== "00" && code6.slice(4, 6) !== "00";
}

export function regionProblem(digits: string, labels: SixteenLabels) {
  const code = digits.slice(0, 6);
  return fail(
    `${labels.prefix}-region`,
    `6 angka pertama ${labels.id} (${code}) bukan kode kecamatan yang terdaftar. Cocokkan lagi dengan dokumennya; jika sudah sama persis, ${labels.id} itu mungkin memakai kode wilayah lama: tanyakan ke petugas.`,
    `The first 6 digits of the ${labels.en} (${code}) are not a registered kecamatan code. Compare them with the document; if they match exactly, the ${labels.en} may use an old region code: ask the officer.`,
  );
}

export function serialProblem(labels: SixteenLabels) {
  return fail(
    `${labels.prefix}-serial`,
    `4 angka terakhir ${labels.id} tidak mungkin 0000: nomor urut dimulai dari 0001. Cocokkan lagi dengan dokumennya.`,
    `The last 4 digits of a ${labels.en} cannot be 0000: the serial starts at 0001. Compare it with the document.`,
  );
}
