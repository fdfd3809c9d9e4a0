import { byDeadline, type QueueFilters } from "../../desk";
import { type ConsoleMessageKey, tc } from "../../messages";

const CLOCK_FILTERS = ["overdue", "due-soon"] as const;
const SORTS = ["submitted", "deadline"] as const;

interface Props {
  filters: QueueFilters;
  set: (key: keyof QueueFilters) => (event: Event) => void;
}

/**
 * The service-time filters ("Lewat batas waktu", "Hampir lewat") and the
 * order. A clock filter reads the deadline index, so it always lists by
 * deadline: the order select says so rather than offering what it cannot do.
 */
export function QueueClockFilters({ filters, set }: Props) {
  const clockOrder = filters.clock !== "";
  return (
    <>
      <div class="field">
        <label for="queue-clock">{tc("filterClock")}</label>
        <select id="queue-clock" value={filters.clock} onChange={set("clock")} data-testid="queue-clock">
          <option value="">{tc("all")}</option>
          {CLOCK_FILTERS.map((clock) => (
            <option key={clock} value={clock}>
              {tc(`clockFilter.${clock}` as ConsoleMessageKey)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="queue-sort">{tc("sortLabel")}</label>
        <select
          id="queue-sort"
          value={byDeadline(filters) ? "deadline" : filters.sort}
          onChange={set("sort")}
          disabled={clockOrder}
          aria-describedby={clockOrder ? "queue-sort-note" : undefined}
          data-testid="queue-sort"
        >
          {SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {tc(`sort.${sort}` as ConsoleMessageKey)}
            </option>
          ))}
        </select>
        {clockOrder && (
          <p id="queue-sort-note" class="muted small">
            {tc("clockSortNote")}
          </p>
        )}
      </div>
    </>
  );
}
