import type { CalendarYear } from "../../../../shared/api/calendar";
import { tc } from "../../messages";

/** "SKB 3 Menteri tahun 2027 belum dimasukkan": deadlines in those years skip weekends only. */
export function IncompleteYears({ years, admin }: { years: CalendarYear[]; admin: boolean }) {
  const missing = years.filter((year) => !year.complete);
  if (missing.length === 0) return null;
  return (
    <div class="warning calendar-warning" role="note" data-testid="calendar-incomplete">
      <ul>
        {missing.map((year) => (
          <li key={year.year}>
            <strong>{tc("calendarIncomplete", { year: year.year })}</strong>
          </li>
        ))}
      </ul>
      <p>{tc(admin ? "calendarIncompleteAdmin" : "calendarIncompleteOperator")}</p>
    </div>
  );
}
