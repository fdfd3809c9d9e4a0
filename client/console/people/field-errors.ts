import { useEffect, useRef } from "preact/hooks";
import { accountProblemText } from "../../../shared/users/problems";
import { locale } from "../../i18n";
import { ApiFailure } from "../api";

/** Each wrong field's message, in the console's language (the server's words when it has no code for it). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiFailure)) return {};
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field !== "string" || field in errors) continue;
    errors[field] = (issue.code && accountProblemText(issue.code, locale.value)) ?? issue.message;
  }
  // A refusal about one field without issues (e.g. a 403 about the kecamatan) is shown there too.
  if (error.field && !(error.field in errors)) {
    errors[error.field] = accountProblemText(error.code, locale.value) ?? error.message;
  }
  return errors;
}

/** The attributes that tie an input to its error message (`${id}-error`). */
export function errorProps(id: string, message: string | undefined) {
  return message
    ? { "aria-invalid": true as const, "aria-describedby": `${id}-error` }
    : { "aria-invalid": undefined, "aria-describedby": undefined };
}

/**
 * Moves focus to the first wrong field (in form order) each time a refusal
 * arrives, so the person lands where the message is.
 */
export function useFocusFirstError(
  error: unknown,
  errors: Record<string, string>,
  order: string[],
  idOf: (field: string) => string,
) {
  const last = useRef<unknown>(null);
  useEffect(() => {
    if (error === last.current) return;
    last.current = error;
    const first = order.find((field) => field in errors);
    if (first) document.getElementById(idOf(first))?.focus();
  });
}
