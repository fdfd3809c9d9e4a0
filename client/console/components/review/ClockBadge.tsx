import type { ClockNow } from "../../../../shared/api/console";
import { clockShortText, dayUnitText, formatJakartaDate } from "../../../../shared/service-time/words";
import { locale } from "../../../i18n";
import { tc } from "../../messages";

/** The mark in front of the words: a shape as well as a colour, so urgency never rests on colour alone. */
const MARKS = { overdue: "!", "due-soon": "◷", ok: "", paused: "Ⅱ", stopped: "✓" } as const;

/**
 * A file's clock in one line for the queue: "Sisa 2 hari kerja", "Hampir
 * lewat · Sisa 1 hari kerja", "Lewat 1 hari kerja", "Waktu dijeda", with the
 * days used and the deadline beside it.
 */
export function ClockBadge({ clock, detail = true }: { clock: ClockNow | null; detail?: boolean }) {
  const lang = locale.value;
  if (!clock) return null;
  const kind = clock.state === "running" ? (clock.urgency ?? "ok") : clock.state;
  const words = clockShortText(clock, lang);
  const text = kind === "due-soon" ? `${tc("urgency.due-soon")} · ${words}` : words;
  // A decision after the deadline is marked as late, not with a tick.
  const mark = kind === "stopped" && !clock.onTime ? MARKS.overdue : MARKS[kind];
  return (
    <span class="clock-line small" data-testid="queue-clock-line">
      <span
        class={`clock-badge clock-${kind}${kind === "stopped" && !clock.onTime ? " clock-late" : ""}`}
        data-testid="clock-badge"
        data-urgency={kind}
      >
        {mark && (
          <span class="clock-mark" aria-hidden="true">
            {mark}
          </span>
        )}
        {text}
      </span>
      {detail && (
        <span class="muted">
          {tc("clockUsed", { used: clock.used, days: dayUnitText(clock.days, clock.unit, lang) })}
          {clock.deadline ? ` · ${tc("clockDeadline", { date: formatJakartaDate(clock.deadline, lang, false) })}` : ""}
        </span>
      )}
    </span>
  );
}
