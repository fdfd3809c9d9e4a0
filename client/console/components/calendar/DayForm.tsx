import { useEffect, useState } from "preact/hooks";
import {
  CALENDAR_KINDS,
  type CalendarChangeResponse,
  type CalendarDay,
  type CalendarDayInput,
  checkCalendarDay,
  KIND_LABELS,
} from "../../../../shared/api/calendar";
import type { ClosedKind } from "../../../../shared/service-time/calendar";
import { formatJakartaDate } from "../../../../shared/service-time/words";
import { locale } from "../../../i18n";
import { tc } from "../../messages";
import { useFocusFirstError } from "../../people/field-errors";
import { ErrorNote } from "../Notice";
import { addDay, changeDay } from "./calendar-api";
import { calendarFieldErrors } from "./calendar-errors";
import { DayField, describedBy } from "./DayField";

const FIELDS = ["date", "kind", "name", "source"] as const;
const idOf = (field: string) => `calendar-day-${field}`;

const EMPTY: CalendarDayInput = { date: "", kind: "holiday", name: "", source: "" };

/**
 * Adds a day, or changes the one being edited (its date stays: to move a
 * day, remove it and add the new date). The shared check runs before
 * sending, so most mistakes are named at their field without a request.
 */
export function DayForm({
  editing,
  onDone,
  onCancelEdit,
}: {
  editing: CalendarDay | null;
  onDone: (result: CalendarChangeResponse, day: CalendarDayInput, added: boolean) => void;
  onCancelEdit: () => void;
}) {
  const [form, setForm] = useState<CalendarDayInput>(editing ?? EMPTY);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setForm(editing ? { date: editing.date, kind: editing.kind, name: editing.name, source: editing.source } : EMPTY);
    setError(null);
    if (editing) document.getElementById(idOf("kind"))?.focus();
  }, [editing]);
  const errors = calendarFieldErrors(error);
  useFocusFirstError(error, errors, [...FIELDS], idOf);
  const set = (key: keyof CalendarDayInput, value: string) => setForm({ ...form, [key]: value });

  async function submit(event: Event) {
    event.preventDefault();
    const checked = checkCalendarDay(form, locale.value);
    if (!checked.ok) return setError(checked.issues);
    setBusy(true);
    setError(null);
    try {
      const result = await (editing ? changeDay(checked.value) : addDay(checked.value));
      onDone(result, checked.value, !editing);
      if (!editing) setForm(EMPTY);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const title = editing
    ? tc("calendarEditTitle", { date: formatJakartaDate(editing.date, locale.value) })
    : tc("calendarAddTitle");
  return (
    <form
      class="card calendar-form"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="calendar-form-title"
      noValidate
    >
      <h2 id="calendar-form-title">{title}</h2>
      <DayField id={idOf("date")} label="calendarDate" hint="calendarDateHint" error={errors.date}>
        <input
          id={idOf("date")}
          type="date"
          value={form.date}
          readOnly={editing !== null}
          min="2020-01-01"
          max="2100-12-31"
          {...describedBy(idOf("date"), true, errors.date)}
          onInput={(event) => set("date", event.currentTarget.value)}
        />
      </DayField>
      <DayField id={idOf("kind")} label="calendarKind" error={errors.kind}>
        <select
          id={idOf("kind")}
          value={form.kind}
          {...describedBy(idOf("kind"), false, errors.kind)}
          onChange={(event) => set("kind", event.currentTarget.value as ClosedKind)}
        >
          {CALENDAR_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABELS[kind][locale.value]}
            </option>
          ))}
        </select>
      </DayField>
      <DayField id={idOf("name")} label="calendarName" hint="calendarNameHint" error={errors.name}>
        <input
          id={idOf("name")}
          value={form.name}
          autoComplete="off"
          {...describedBy(idOf("name"), true, errors.name)}
          onInput={(event) => set("name", event.currentTarget.value)}
        />
      </DayField>
      <DayField id={idOf("source")} label="calendarSource" hint="calendarSourceHint" error={errors.source}>
        <textarea
          id={idOf("source")}
          rows={3}
          value={form.source}
          {...describedBy(idOf("source"), true, errors.source)}
          onInput={(event) => set("source", event.currentTarget.value)}
        />
      </DayField>
      <div class="calendar-form-buttons">
        <button type="submit" class="button primary" disabled={busy} data-testid="calendar-submit">
          {editing ? tc("save") : tc("calendarAdd")}
        </button>
        {editing && (
          <button type="button" class="button ghost" onClick={onCancelEdit}>
            {tc("cancel")}
          </button>
        )}
      </div>
      {error !== null && Object.keys(errors).length === 0 && <ErrorNote error={error} />}
    </form>
  );
}
