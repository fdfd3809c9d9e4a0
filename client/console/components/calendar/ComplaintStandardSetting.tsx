import { useState } from "preact/hooks";
import {
  CALENDAR_PROBLEMS,
  type CalendarChangeResponse,
  COMPLAINT_DAYS_MAX,
  COMPLAINT_DAYS_MIN,
  ComplaintResponseDays,
} from "../../../../shared/api/calendar";
import { locale } from "../../../i18n";
import { FieldError } from "../../people/FieldError";
import { ErrorNote } from "../Notice";
import { setComplaintResponseDays } from "./calendar-api";
import { calendarFieldErrors } from "./calendar-errors";
import { complaintWords } from "./complaint-standard-words";
import { describedBy } from "./DayField";

const FIELD = "calendar-complaint-days";

/**
 * The office's complaint standard: working days to answer a complaint, beside
 * the cuti bersama rule (both count with the work calendar). Admins change it,
 * checked here as the server checks it; operators read it.
 */
export function ComplaintStandardSetting({
  value,
  admin,
  onChanged,
}: {
  value: number;
  admin: boolean;
  onChanged: (result: CalendarChangeResponse) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const shown = draft ?? String(value);

  async function save(event: Event) {
    event.preventDefault();
    setError(null);
    const days = Number(shown.trim());
    if (shown.trim() === "" || !ComplaintResponseDays.safeParse(days).success) {
      setFieldError(CALENDAR_PROBLEMS.complaint_days_invalid[locale.value]);
      return;
    }
    setFieldError(undefined);
    setBusy(true);
    try {
      onChanged(await setComplaintResponseDays(days));
      setDraft(null);
    } catch (failure) {
      const named = calendarFieldErrors(failure).complaintResponseDays;
      if (named) setFieldError(named);
      else setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card calendar-setting" aria-labelledby="calendar-complaint-title">
      <h2 id="calendar-complaint-title">{complaintWords("title")}</h2>
      {admin ? (
        <form class="complaint-standard-form" onSubmit={(event) => void save(event)} noValidate>
          <div class={fieldError ? "field has-error" : "field"}>
            <label for={FIELD}>{complaintWords("label")}</label>
            <p class="field-hint" id={`${FIELD}-hint`}>
              {complaintWords("hint")}
            </p>
            <input
              id={FIELD}
              type="number"
              inputMode="numeric"
              min={COMPLAINT_DAYS_MIN}
              max={COMPLAINT_DAYS_MAX}
              step={1}
              // A number of days: two digits, not a line's width (console.css is shared; set here).
              style={{ maxWidth: "8rem" }}
              value={shown}
              {...describedBy(FIELD, true, fieldError)}
              onInput={(event) => setDraft(event.currentTarget.value)}
            />
            <FieldError id={FIELD} message={fieldError} />
          </div>
          <button type="submit" class="button" disabled={busy} data-testid="complaint-days-save">
            {complaintWords("save")}
          </button>
        </form>
      ) : (
        <>
          <p>
            {complaintWords("label")}: <strong>{complaintWords("value", { days: value })}</strong>
          </p>
          <p class="field-hint">{complaintWords("hint")}</p>
        </>
      )}
      {error !== null && <ErrorNote error={error} />}
    </section>
  );
}
