import { useState } from "preact/hooks";
import type { CalendarChangeResponse } from "../../../../shared/api/calendar";
import { tc } from "../../messages";
import { ErrorNote } from "../Notice";
import { setJointLeave } from "./calendar-api";

/**
 * Whether cuti bersama counts as a working day: an office setting, said in
 * words with what it changes. Admins tick it; operators read it.
 */
export function JointLeaveSetting({
  value,
  runningClocks,
  admin,
  onChanged,
}: {
  value: boolean;
  runningClocks: number;
  admin: boolean;
  onChanged: (result: CalendarChangeResponse) => void;
}) {
  // The box shows what was ticked while the server is asked, and the server's answer after.
  const [pending, setPending] = useState<boolean | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function toggle(next: boolean) {
    setPending(next);
    setError(null);
    try {
      onChanged(await setJointLeave(next));
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(null);
    }
  }

  return (
    <section class="card calendar-setting" aria-labelledby="calendar-setting-title">
      <h2 id="calendar-setting-title">{tc("calendarSettingTitle")}</h2>
      {admin ? (
        <div class="field checkbox-field">
          <input
            id="calendar-joint-leave"
            type="checkbox"
            checked={pending ?? value}
            disabled={pending !== null}
            aria-describedby="calendar-setting-help"
            onChange={(event) => void toggle(event.currentTarget.checked)}
          />
          <label for="calendar-joint-leave">{tc("calendarSettingLabel")}</label>
        </div>
      ) : (
        <p>
          <strong>{tc(value ? "calendarSettingOn" : "calendarSettingOff")}</strong>
        </p>
      )}
      <div id="calendar-setting-help" class="field-hint">
        <p>{tc("calendarSettingHelp")}</p>
        <p>{tc("calendarSettingRunning", { count: runningClocks })}</p>
        {!admin && <p>{tc("calendarReadOnly")}</p>}
      </div>
      {error !== null && <ErrorNote error={error} />}
    </section>
  );
}
