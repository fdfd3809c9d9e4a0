import { useState } from "preact/hooks";
import type { CalendarChangeResponse, CalendarDay, CalendarView } from "../../../shared/api/calendar";
import { formatJakartaDate } from "../../../shared/service-time/words";
import { locale } from "../../i18n";
import { ComplaintStandardSetting } from "../components/calendar/ComplaintStandardSetting";
import { loadCalendar, removeDay } from "../components/calendar/calendar-api";
import { complaintWords } from "../components/calendar/complaint-standard-words";
import { DayForm } from "../components/calendar/DayForm";
import { DayTable } from "../components/calendar/DayTable";
import { IncompleteYears } from "../components/calendar/IncompleteYears";
import { JointLeaveSetting } from "../components/calendar/JointLeaveSetting";
import { YearTabs } from "../components/calendar/YearTabs";
import { ErrorNote, Status } from "../components/Notice";
import { tc } from "../messages";
import { currentUser } from "../session";
import { useLoad } from "../use-load";

/** "… ditambahkan. Batas waktu 3 berkas yang berjalan bergeser." */
function changeText(what: string, clocksMoved: number): string {
  const moved = clocksMoved > 0 ? tc("calendarMoved", { count: clocksMoved }) : tc("calendarNoneMoved");
  return `${what} ${moved}`;
}

/**
 * "Kalender kerja": the closed days the service-time clock skips, per year,
 * the cuti bersama setting and a warning for a year whose decree is missing.
 * Admins change it (each change moves running deadlines on the server);
 * operators read it.
 */
export function CalendarScreen() {
  const admin = currentUser().role === "admin";
  const loaded = useLoad("calendar", loadCalendar);
  const [changed, setChanged] = useState<CalendarView | null>(null);
  const [chosenYear, setChosenYear] = useState<number | null>(null);
  const [editing, setEditing] = useState<CalendarDay | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [removeError, setRemoveError] = useState<unknown>(null);
  const calendar = changed ?? loaded.data;
  const lang = locale.value;

  function apply(result: CalendarChangeResponse, what: string) {
    setChanged(result.calendar);
    setStatus(changeText(what, result.clocksMoved));
  }

  async function remove(day: CalendarDay): Promise<boolean> {
    setRemoveError(null);
    try {
      apply(await removeDay(day.date), tc("calendarRemoved", { date: formatJakartaDate(day.date, lang) }));
      if (editing?.date === day.date) setEditing(null);
      return true;
    } catch (error) {
      setRemoveError(error);
      return false;
    }
  }

  const thisYear = calendar ? Number(calendar.today.slice(0, 4)) : 0;
  const selected = calendar?.years.find((year) => year.year === (chosenYear ?? thisYear)) ?? calendar?.years[0];
  return (
    <section aria-labelledby="calendar-title" class="calendar-screen">
      <h1 id="calendar-title">{tc("calendarTitle")}</h1>
      <p class="lead">{tc("calendarIntro")}</p>
      {/* Kept in view (below the app's header) when a change is made far down the list or the form. */}
      <div class="calendar-status">
        <Status text={status} />
      </div>
      {loaded.error !== null && !calendar && <ErrorNote error={loaded.error} onRetry={loaded.reload} />}
      {!calendar && loaded.loading && <p class="muted">{tc("loading")}</p>}
      {calendar && selected && (
        <>
          <IncompleteYears years={calendar.years} admin={admin} />
          <div class="calendar-layout">
            <div>
              <YearTabs years={calendar.years} selected={selected.year} onSelect={setChosenYear} />
              {removeError !== null && <ErrorNote error={removeError} />}
              <DayTable year={selected} admin={admin} onEdit={setEditing} onRemove={remove} />
            </div>
            <div>
              {admin && (
                <DayForm
                  editing={editing}
                  onCancelEdit={() => setEditing(null)}
                  onDone={(result, day, added) => {
                    const date = formatJakartaDate(day.date, lang);
                    apply(result, tc(added ? "calendarAdded" : "calendarChanged", { date }));
                    setEditing(null);
                    // Show the year the day went into.
                    setChosenYear(Number(day.date.slice(0, 4)));
                  }}
                />
              )}
              <JointLeaveSetting
                value={calendar.jointLeaveIsWorkingDay}
                runningClocks={calendar.runningClocks}
                admin={admin}
                onChanged={(result) =>
                  apply(result, tc(result.calendar.jointLeaveIsWorkingDay ? "calendarSettingOn" : "calendarSettingOff"))
                }
              />
              <ComplaintStandardSetting
                value={calendar.complaintResponseDays}
                admin={admin}
                onChanged={(result) => {
                  // Complaint clocks already running keep their standard: nothing moved to report.
                  setChanged(result.calendar);
                  setStatus(complaintWords("saved", { days: result.calendar.complaintResponseDays }));
                }}
              />
            </div>
          </div>
        </>
      )}
    </section>
  );
}
