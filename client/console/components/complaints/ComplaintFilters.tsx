import { COMPLAINT_CATEGORIES } from "../../../../shared/complaints/categories";
import { COMPLAINT_STATUSES } from "../../../../shared/complaints/workflow";
import { tc } from "../../messages";
import { tv } from "../../voice-messages";
import type { ComplaintFilters as Filters } from "./complaint-api";
import { categoryLabel, statusLabel } from "./complaint-words";

/** The queue's status buttons and filters; every change applies at once. */
export function ComplaintFilters({ filters, onChange }: { filters: Filters; onChange: (next: Filters) => void }) {
  const set = (key: keyof Filters) => (event: Event) =>
    onChange({ ...filters, [key]: (event.currentTarget as HTMLSelectElement).value });
  return (
    <form class="complaint-filters" onSubmit={(event) => event.preventDefault()}>
      <fieldset class="status-tabs">
        <legend class="visually-hidden">{tv("complaintStatusTabs")}</legend>
        {(["", ...COMPLAINT_STATUSES] as const).map((status) => (
          <button
            key={status || "all"}
            type="button"
            class="button small"
            aria-pressed={filters.status === status}
            onClick={() => onChange({ ...filters, status })}
            data-testid={`complaint-tab-${status || "all"}`}
          >
            {status ? statusLabel(status) : tv("complaintAllOpen")}
          </button>
        ))}
      </fieldset>
      <div class="filter-row">
        <div class="field">
          <label for="complaint-category">{tv("complaintCategory")}</label>
          <select id="complaint-category" value={filters.category} onChange={set("category")}>
            <option value="">{tc("all")}</option>
            {COMPLAINT_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {categoryLabel(category)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="complaint-clock">{tv("complaintClock")}</label>
          <select id="complaint-clock" value={filters.clock} onChange={set("clock")}>
            <option value="">{tc("all")}</option>
            <option value="overdue">{tv("complaintClockOverdue")}</option>
            <option value="due-soon">{tv("complaintClockDueSoon")}</option>
          </select>
        </div>
        <div class="field">
          <label for="complaint-assignee">{tv("complaintAssignee")}</label>
          <select id="complaint-assignee" value={filters.assignee} onChange={set("assignee")}>
            <option value="">{tc("all")}</option>
            <option value="me">{tv("complaintAssigneeMe")}</option>
            <option value="none">{tv("complaintAssigneeNone")}</option>
          </select>
        </div>
      </div>
    </form>
  );
}
