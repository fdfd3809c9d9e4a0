import type { JSX } from "preact";
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
import { type ConsoleMessageKey, tc } from "../../messages";
import { FieldError } from "../../people/FieldError";
import { errorProps, useFocusFirstError } from "../../people/field-errors";
import { ErrorNote } from "../Notice";
import { addDay, changeDay } from "./calendar-api";
import { calendarFieldErrors } from "./calendar-errors";

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

  const field = (
    key: (typeof FIELDS)[number],
    label: ConsoleMessageKey,
    hint: ConsoleMessageKey | null,
    input: JSX.Element,
  ) => (
    <div class={errors[key] ? "field has-error" : "field"}>
      <label for={idOf(key)}>{tc(label)}</label>
      {hint && (
        <p class="field-hint" id={`${idOf(key)}-hint`}>
          {tc(hint)}
        </p>
      )}
      {input}
      <FieldError id={idOf(key)} message={errors[key]} />
    </div>
  );
  const described = (key: string, hint: boolean) => {
    const props = errorProps(idOf(key), errors[key]);
    const ids = [hint ? `${idOf(key)}-hint` : null, props["aria-describedby"]].filter(Boolean).join(" ");
    return { "aria-invalid": props["aria-invalid"], "aria-describedby": ids || undefined };
  };

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
      {field(
        "date",
        "calendarDate",
        "calendarDateHint",
        <input
          id={idOf("date")}
          type="date"
          value={form.date}
          readOnly={editing !== null}
          min="2020-01-01"
          max="2100-12-31"
          {...described("date", true)}
          onInput={(event) => set("date", event.currentTarget.value)}
        />,
      )}
      {field(
        "kind",
        "calendarKind",
        null,
        <select
          id={idOf("kind")}
          value={form.kind}
          {...described("kind", false)}
          onChange={(event) => set("kind", event.currentTarget.value as ClosedKind)}
        >
          {CALENDAR_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABELS[kind][locale.value]}
            </option>
          ))}
        </select>,
      )}
      {field(
        "name",
        "calendarName",
        "calendarNameHint",
        <input
          id={idOf("name")}
          value={form.name}
          autoComplete="off"
          {...described("name", true)}
          onInput={(event) => set("name", event.currentTarget.value)}
        />,
      )}
      {field(
        "source",
        "calendarSource",
        "calendarSourceHint",
        <textarea
          id={idOf("source")}
          rows={3}
          value={form.source}
          {...described("source", true)}
          onInput={(event) => set("source", event.currentTarget.value)}
        />,
      )}
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
