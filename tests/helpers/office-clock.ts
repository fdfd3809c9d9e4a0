import { PublicStatus } from "../../shared/api/tracking";
import { jakartaDate } from "../../shared/jakarta-time";
import { buildCalendar } from "../../shared/service-time/calendar";
import { type ClockView, viewClock } from "../../shared/service-time/clock";

/**
 * A file's service clock as the office's own public answer gives it, viewed
 * today (Jakarta): what any screen must say, worked out by the shared code
 * rather than guessed by a pattern (a same-day service received on a
 * Saturday is due on Monday, with one working day left).
 */
export async function officeClockView(baseUrl: string, number: string): Promise<ClockView> {
  const response = await fetch(`${baseUrl}/api/track/${number}`);
  const answer = PublicStatus.parse(await response.json());
  if (!answer.clock) throw new Error("no clock yet");
  const calendar = buildCalendar(
    answer.closedDates.map((date) => ({ date, kind: "holiday" as const })),
    { jointLeaveIsWorkingDay: false },
  );
  return viewClock(answer.clock, jakartaDate(new Date()), calendar);
}
