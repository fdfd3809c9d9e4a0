import type { PublicStatus } from "../../shared/api/tracking";
import { jakartaDate } from "../../shared/jakarta-time";
import { buildCalendar } from "../../shared/service-time/calendar";
import { type ClockView, viewClock } from "../../shared/service-time/clock";
import type { Locale } from "../../shared/text";
import { PREFIX_LENGTH, parseTrackingNumber, RANDOM_CHARS, TRACKING_ALPHABET } from "../../shared/tracking/number";
import { type TrackingMessageKey, tt } from "./messages";

/**
 * The clock as it stands today on this phone, from the record the office
 * sent and its closed dates: a running clock keeps counting offline.
 * `closedDates` already has the office's cuti bersama setting applied, so
 * every date in it closes the office.
 */
export function clockViewOf(status: Pick<PublicStatus, "clock" | "closedDates">, now: Date): ClockView | null {
  if (!status.clock) return null;
  const calendar = buildCalendar(
    status.closedDates.map((date) => ({ date, kind: "holiday" as const })),
    { jointLeaveIsWorkingDay: false },
  );
  return viewClock(status.clock, jakartaDate(now), calendar);
}

const NUMBER_LENGTH = PREFIX_LENGTH + RANDOM_CHARS + 1;

/** The same reading as parseTrackingNumber: any case, separators dropped. */
function compactOf(input: string): string {
  return input
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s.\-‐‑‒–—]/g, "");
}

/** What to tell someone whose number was refused on the phone, as specifically as the input allows. */
export function numberProblem(input: string): string | null {
  const parsed = parseTrackingNumber(input);
  if (parsed.ok) return null;
  const compact = compactOf(input);
  if (compact.length === 0) return tt("empty");
  if (parsed.code === "tracking_mistyped") return tt("mistyped");
  const strange = [...new Set([...compact].filter((char) => !TRACKING_ALPHABET.includes(char)))];
  if (strange.length > 0) return tt("badChars", { chars: strange.map((char) => `“${char}”`).join(", ") });
  if (compact.length !== NUMBER_LENGTH) return tt("badLength", { count: compact.length });
  return tt("badPrefix");
}

const DATE_LOCALES: Record<Locale, string> = { id: "id-ID", en: "en-GB" };

/** "Senin, 2 Maret 2026 09.00 WIB": a step's moment as the office lives it (Jakarta). */
export function stepTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(DATE_LOCALES[locale], {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Asia/Jakarta",
    timeZoneName: "short",
  }).format(new Date(iso));
}

export function stepWord(kind: PublicStatus["steps"][number]["kind"]): string {
  return tt(`step.${kind}` as TrackingMessageKey);
}
