import { useCallback, useState } from "preact/hooks";
import type { Applicant } from "../../shared/draft";
import type { Reason } from "../../shared/precheck";
import { fieldsOf } from "../../shared/precheck/fields";
import { locale } from "../i18n";

/** Applicant fields by the key the form touches them with ("nik", "address.rt"…). */
function filledFields(applicant: Applicant): Set<string> {
  const filled = new Set<string>();
  for (const field of ["fullName", "nik", "kk", "birthDate", "phone"] as const) {
    if (applicant[field]?.trim()) filled.add(field);
  }
  if (applicant.sex) filled.add("sex");
  for (const part of ["rt", "rw", "villageCode"] as const) {
    if (applicant.address[part].trim()) filled.add(`address.${part}`);
  }
  return filled;
}

/**
 * When a field's error shows: once the cadre has left the field (or picked a
 * choice), or at "Tandai siap diajukan" (`showAll`), never from the first
 * digit typed. Values already stored when the draft opens count as left: a
 * reopened draft shows what is wrong with it at once; typing in a field
 * hides its error again until the cadre leaves it.
 */
export function useFieldErrors(reasons: Reason[], showAll: boolean, initial: Applicant) {
  const [touched, setTouched] = useState<Set<string>>(() => filledFields(initial));
  const touch = useCallback((field: string) => {
    setTouched((set) => (set.has(field) ? set : new Set(set).add(field)));
  }, []);
  const typing = useCallback((field: string) => {
    setTouched((set) => {
      if (!set.has(field)) return set;
      const next = new Set(set);
      next.delete(field);
      return next;
    });
  }, []);
  const errorFor = (field: string): string | undefined => {
    if (!showAll && !touched.has(field)) return undefined;
    const path = `applicant.${field}`;
    const reason = reasons.find((r) => fieldsOf(r).some((f) => f === path || f.startsWith(`${path}.`)));
    return reason?.message[locale.value];
  };
  return { errorFor, touch, typing };
}
