import type { z } from "zod";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "../api/users";
import type { Locale, LocalizedText } from "../text";

/**
 * What can be wrong with one field of an account form, as a stable code with
 * its words in both languages. The server answers these codes per field; the
 * console shows the words at that field, in the console's own language.
 */
export const ACCOUNT_PROBLEMS = {
  field_required: { id: "Wajib diisi.", en: "Required." },
  username_taken: {
    id: "Nama pengguna ini sudah dipakai. Pilih nama lain.",
    en: "This username is taken. Choose another one.",
  },
  username_too_short: { id: "Nama pengguna minimal 3 karakter.", en: "A username has at least 3 characters." },
  username_too_long: { id: "Nama pengguna paling banyak 40 karakter.", en: "A username has at most 40 characters." },
  username_characters: {
    id: "Gunakan hanya huruf kecil a–z, angka, titik, garis bawah dan tanda hubung (tanpa spasi).",
    en: "Use only lowercase a–z, digits, dot, underscore and hyphen (no spaces).",
  },
  display_name_required: { id: "Isi nama orangnya.", en: "Enter the person's name." },
  display_name_too_long: { id: "Nama paling banyak 100 karakter.", en: "A name has at most 100 characters." },
  display_name_characters: {
    id: "Nama memuat karakter yang tidak diizinkan.",
    en: "The name has characters that are not allowed.",
  },
  password_too_short: {
    id: `Kata sandi terlalu pendek: minimal ${MIN_PASSWORD_LENGTH} karakter.`,
    en: `The password is too short: at least ${MIN_PASSWORD_LENGTH} characters.`,
  },
  password_too_long: {
    id: `Kata sandi paling banyak ${MAX_PASSWORD_LENGTH} karakter.`,
    en: `A password has at most ${MAX_PASSWORD_LENGTH} characters.`,
  },
  role_unknown: { id: "Peran tidak dikenal.", en: "Unknown role." },
  role_not_allowed: {
    id: "Anda tidak berhak membuat akun dengan peran ini.",
    en: "You may not create an account with this role.",
  },
  kecamatan_required: { id: "Pilih kecamatan dari daftar.", en: "Choose a kecamatan from the list." },
  kecamatan_unknown: {
    id: "Kecamatan ini tidak ada di DKI Jakarta. Pilih dari daftar.",
    en: "There is no such kecamatan in DKI Jakarta. Choose one from the list.",
  },
  kecamatan_not_allowed: {
    id: "Anda hanya dapat membuat akun di kecamatan Anda sendiri.",
    en: "You may only create accounts in your own kecamatan.",
  },
  kecamatan_not_for_admin: {
    id: "Admin tidak terikat pada kecamatan. Kosongkan kecamatan.",
    en: "An admin has no kecamatan. Leave it empty.",
  },
  kelurahan_not_for_role: {
    id: "Hanya kader yang ditempatkan di kelurahan.",
    en: "Only cadres are placed in a kelurahan.",
  },
  kelurahan_unknown: {
    id: "Kelurahan ini tidak ada di DKI Jakarta.",
    en: "There is no such kelurahan in DKI Jakarta.",
  },
  kelurahan_outside_kecamatan: {
    id: "Kelurahan ini tidak berada di kecamatan yang dipilih.",
    en: "This kelurahan is not in the chosen kecamatan.",
  },
  unknown_field: { id: "Ada kolom yang tidak dikenal.", en: "There is an unknown field." },
  invalid: { id: "Isian ini tidak valid.", en: "This entry is not valid." },
} as const satisfies Record<string, LocalizedText>;

export type AccountProblem = keyof typeof ACCOUNT_PROBLEMS;

/** One wrong field, as the server answers it in `details.issues`. */
export interface AccountIssue {
  path: (string | number)[];
  code: AccountProblem;
  message: string;
}

export function accountProblemText(problem: string, locale: Locale): string | undefined {
  return Object.hasOwn(ACCOUNT_PROBLEMS, problem) ? ACCOUNT_PROBLEMS[problem as AccountProblem][locale] : undefined;
}

export function accountIssue(field: string, problem: AccountProblem, locale: Locale): AccountIssue {
  return { path: field ? [field] : [], code: problem, message: ACCOUNT_PROBLEMS[problem][locale] };
}

/** Per field, which zod issue codes mean which problem. */
const BY_FIELD: Record<string, Partial<Record<string, AccountProblem>>> = {
  username: { too_small: "username_too_short", too_big: "username_too_long", invalid_format: "username_characters" },
  displayName: {
    too_small: "display_name_required",
    too_big: "display_name_too_long",
    invalid_format: "display_name_characters",
  },
  password: { too_small: "password_too_short", too_big: "password_too_long" },
  role: { invalid_value: "role_unknown" },
  kecamatanCode: { invalid_format: "kecamatan_unknown" },
  kelurahanCode: { invalid_format: "kelurahan_unknown" },
};

/**
 * A zod issue of an account request as a field and problem code. Custom
 * refinements name their problem in `params.problem` (shared/api/users.ts).
 */
export function accountIssueOf(issue: z.core.$ZodIssue, locale: Locale): AccountIssue {
  const field = typeof issue.path[0] === "string" ? issue.path[0] : "";
  const named = issue.code === "custom" ? (issue.params?.problem as string | undefined) : undefined;
  let problem: AccountProblem = "invalid";
  if (named && Object.hasOwn(ACCOUNT_PROBLEMS, named)) problem = named as AccountProblem;
  else if (issue.code === "unrecognized_keys") problem = "unknown_field";
  else if (issue.code === "invalid_type" && issue.input === undefined) problem = "field_required";
  else problem = BY_FIELD[field]?.[issue.code] ?? "invalid";
  return accountIssue(field, problem, locale);
}
