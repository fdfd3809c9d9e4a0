import { fail, type Parsed } from "./problem";

/** Spaces, dashes, dots and brackets people type to group the digits. */
const SEPARATORS = /[\s.\-\u2010-\u2015()]/g;

/**
 * An Indonesian mobile number (08…: 9–12 digits after +62) or a Jakarta landline (021 + 7–8 digits),
 * typed as "0812-3456-7890", "+62 812 3456 7890", "62812…", "812…" or "0062…". The value is "+62" + national number.
 */
export function parsePhone(input: string): Parsed<string> {
  const text = input.replace(SEPARATORS, "");
  if (!text) return fail("phone-empty", "Nomor HP belum diisi.", "The phone number is missing.");
  if (!/^\+?\d+$/.test(text)) {
    return fail(
      "phone-not-digits",
      "Nomor HP hanya boleh berisi angka. Hapus huruf atau tanda lain (tanda + hanya di depan, misalnya +62).",
      "A phone number may contain only digits. Remove letters and other signs (a + only at the start, as in +62).",
    );
  }
  let national: string;
  if (text.startsWith("+") || text.startsWith("00")) {
    const international = text.replace(/^(\+|00)/, "");
    if (!international.startsWith("62")) {
      return fail(
        "phone-country",
        `Kode negara +${international.slice(0, 3)}… bukan Indonesia (+62). Isi nomor Indonesia, diawali 08 atau +62.`,
        `The country code +${international.slice(0, 3)}… is not Indonesia (+62). Enter an Indonesian number, starting with 08 or +62.`,
      );
    }
    national = international.slice(2);
  } else if (text.startsWith("62")) {
    national = text.slice(2);
  } else {
    national = text;
  }
  // "+62 0812…" and "0812…": the trunk 0 is not part of the national number.
  if (national.startsWith("0")) national = national.slice(1);

  const typed = national.length + 1; // as written with the leading 0
  if (national.startsWith("8")) {
    if (national.length < 9 || national.length > 12) {
      return fail(
        "phone-length",
        `Nomor HP yang diawali 08 terdiri dari 10 sampai 13 angka, yang diketik ${typed} (dihitung dengan 0 di depan). Periksa apakah ada angka yang kurang atau berlebih.`,
        `A mobile number starting with 08 has 10 to 13 digits; ${typed} were entered (counting the leading 0). Check for a missing or extra digit.`,
      );
    }
  } else if (national.startsWith("21")) {
    if (national.length < 9 || national.length > 10) {
      return fail(
        "phone-length",
        `Nomor telepon Jakarta (021) terdiri dari 10 atau 11 angka termasuk 021, yang diketik ${typed}. Periksa apakah ada angka yang kurang atau berlebih.`,
        `A Jakarta landline (021) has 10 or 11 digits including 021; ${typed} were entered. Check for a missing or extra digit.`,
      );
    }
  } else {
    return fail(
      "phone-prefix",
      "Nomor HP harus diawali 08 (atau +628), atau 021 untuk telepon rumah di Jakarta. Periksa lagi angka pertamanya.",
      "The number must start with 08 (or +628) for a mobile, or 021 for a Jakarta landline. Check the first digits.",
    );
  }
  return { ok: true, value: `+62${national}`, facts: undefined };
}
