import { calendarProblemText } from "../../../../shared/api/calendar";
import { locale } from "../../../i18n";
import { ApiFailure, type FieldIssue } from "../../api";

/**
 * Each wrong field's message, in the console's language, from the issues the
 * server sent (400/409 calendar_day_invalid) or the same check run before
 * sending (shared/api/calendar.ts checkCalendarDay): words from the code.
 */
export function calendarFieldErrors(error: unknown): Record<string, string> {
  const issues: FieldIssue[] = error instanceof ApiFailure ? error.issues : Array.isArray(error) ? error : [];
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = issue.path[0];
    if (typeof field !== "string" || field in errors) continue;
    errors[field] = (issue.code && calendarProblemText(issue.code, locale.value)) || issue.message;
  }
  return errors;
}
