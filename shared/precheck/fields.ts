import type { Reason } from "./types";

/**
 * Reasons that compare two fields name one of them (`field`); the other is
 * just as likely the one mistyped, so the form shows the reason at both.
 * A NIK encodes the holder's sex (day + 40 for women) and birth date.
 */
const ALSO_CONCERNS: Readonly<Record<string, readonly string[]>> = {
  "nik-sex-mismatch": ["applicant.sex"],
  "nik-birth-date-mismatch": ["applicant.birthDate"],
};

/** Every draft field a reason concerns: its own, then those it was compared with. */
export function fieldsOf(reason: Pick<Reason, "code" | "field">): string[] {
  const also = Object.hasOwn(ALSO_CONCERNS, reason.code) ? (ALSO_CONCERNS[reason.code] ?? []) : [];
  return [...(reason.field ? [reason.field] : []), ...also];
}
