import { useEffect, useRef, useState } from "preact/hooks";
import { type CalendarDay, KIND_LABELS } from "../../../../shared/api/calendar";
import { formatJakartaDate } from "../../../../shared/service-time/words";
import { locale } from "../../../i18n";
import { tc } from "../../messages";

/** One closed day: weekday and date, kind, name (and its source when it differs from the year's). */
export function DayRow({
  day,
  commonSource,
  admin,
  onEdit,
  onRemove,
}: {
  day: CalendarDay;
  commonSource: string | null;
  admin: boolean;
  onEdit: (day: CalendarDay) => void;
  onRemove: (day: CalendarDay) => Promise<boolean>;
}) {
  const lang = locale.value;
  const date = formatJakartaDate(day.date, lang);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) yes.current?.focus();
  }, [confirming]);

  async function remove() {
    setBusy(true);
    // On success the row is gone; on failure the screen says why and the row stays.
    if (!(await onRemove(day))) setBusy(false);
  }

  return (
    <tr data-testid="calendar-day" data-date={day.date} data-kind={day.kind}>
      <td class="calendar-date">
        <time dateTime={day.date}>{date}</time>
      </td>
      <td>
        <span class={`calendar-kind kind-${day.kind}`}>{KIND_LABELS[day.kind][lang]}</span>
      </td>
      <td>
        <span class="calendar-name">{day.name}</span>
        {day.edited && <span class="calendar-edited small muted"> · {tc("calendarEditedMark")}</span>}
        {day.source !== commonSource && <div class="calendar-source small muted">{day.source}</div>}
      </td>
      {admin && (
        <td class="calendar-actions">
          {confirming ? (
            <div class="calendar-confirm">
              <span>{tc("calendarRemoveConfirm", { date })}</span>
              <button ref={yes} type="button" class="button small danger" disabled={busy} onClick={() => void remove()}>
                {tc("calendarRemoveYes")}
              </button>
              <button type="button" class="button small ghost" onClick={() => setConfirming(false)}>
                {tc("cancel")}
              </button>
            </div>
          ) : (
            <>
              <button
                type="button"
                class="button small"
                aria-label={tc("calendarEditLabel", { date })}
                onClick={() => onEdit(day)}
              >
                {tc("calendarEdit")}
              </button>
              <button
                type="button"
                class="button small ghost"
                aria-label={tc("calendarRemoveLabel", { date })}
                onClick={() => setConfirming(true)}
              >
                {tc("calendarRemove")}
              </button>
            </>
          )}
        </td>
      )}
    </tr>
  );
}
