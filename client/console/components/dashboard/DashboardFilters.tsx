import { useState } from "preact/hooks";
import { guides } from "../../../catalogue/store";
import { locale } from "../../../i18n";
import { tc } from "../../messages";

export interface DashboardFilterValues {
  from: string;
  to: string;
  guideId: string;
}

export const NO_FILTERS: DashboardFilterValues = { from: "", to: "", guideId: "" };

/** Date range and service; applied together with the button, so half-typed dates never reload the figures. */
export function DashboardFilters({ onApply }: { onApply: (filters: DashboardFilterValues) => void }) {
  const [draft, setDraft] = useState<DashboardFilterValues>(NO_FILTERS);
  const lang = locale.value;
  return (
    <form
      class="console-filters"
      onSubmit={(event) => {
        event.preventDefault();
        onApply(draft);
      }}
    >
      <div class="field">
        <label for="dash-from">{tc("from")}</label>
        <input
          id="dash-from"
          type="date"
          value={draft.from}
          onInput={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
        />
      </div>
      <div class="field">
        <label for="dash-to">{tc("to")}</label>
        <input
          id="dash-to"
          type="date"
          value={draft.to}
          onInput={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
        />
      </div>
      <div class="field">
        <label for="dash-service">{tc("filterService")}</label>
        <select
          id="dash-service"
          value={draft.guideId}
          onChange={(e) => setDraft({ ...draft, guideId: e.currentTarget.value })}
        >
          <option value="">{tc("all")}</option>
          {guides.value.map((guide) => (
            <option key={guide.id} value={guide.id}>
              {guide.title[lang]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="button primary">
        {tc("apply")}
      </button>
    </form>
  );
}
