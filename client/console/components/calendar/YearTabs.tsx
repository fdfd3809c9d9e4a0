import type { CalendarYear } from "../../../../shared/api/calendar";
import { tc } from "../../messages";

export const yearTabId = (year: number) => `calendar-year-tab-${year}`;
export const yearPanelId = (year: number) => `calendar-year-panel-${year}`;

/**
 * One tab per year (WAI-ARIA tabs: arrow keys, Home and End move between
 * them). A year whose decree is missing says so in its tab's name.
 */
export function YearTabs({
  years,
  selected,
  onSelect,
}: {
  years: CalendarYear[];
  selected: number;
  onSelect: (year: number) => void;
}) {
  function onKeyDown(event: KeyboardEvent) {
    const index = years.findIndex((year) => year.year === selected);
    const moves: Record<string, number> = {
      ArrowLeft: index - 1,
      ArrowRight: index + 1,
      Home: 0,
      End: years.length - 1,
    };
    const to = moves[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const year = years[(to + years.length) % years.length];
    if (!year) return;
    onSelect(year.year);
    document.getElementById(yearTabId(year.year))?.focus();
  }

  return (
    <div class="calendar-years" role="tablist" aria-label={tc("calendarYears")} onKeyDown={onKeyDown}>
      {years.map((year) => {
        const current = year.year === selected;
        return (
          <button
            key={year.year}
            type="button"
            role="tab"
            id={yearTabId(year.year)}
            aria-selected={current}
            aria-controls={yearPanelId(year.year)}
            tabIndex={current ? 0 : -1}
            class={year.complete ? "calendar-year" : "calendar-year incomplete"}
            onClick={() => onSelect(year.year)}
          >
            {year.complete ? String(year.year) : tc("calendarYearIncomplete", { year: year.year })}
          </button>
        );
      })}
    </div>
  );
}
