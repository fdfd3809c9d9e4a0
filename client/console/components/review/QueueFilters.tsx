import type { ManagedUser } from "../../../../shared/api/users";
import { REVIEW_STATUS_ORDER } from "../../../../shared/review/statuses";
import { guides } from "../../../catalogue/store";
import { locale } from "../../../i18n";
import type { QueueFilters as Filters } from "../../desk";
import { villagesOf } from "../../lookups";
import { type ConsoleMessageKey, tc } from "../../messages";
import { QueueClockFilters } from "./QueueClockFilters";

interface Props {
  filters: Filters;
  onChange: (filters: Filters) => void;
  kecamatanCode: string | null;
  cadres: ManagedUser[];
}

/**
 * The queue's search box and filters. Every change applies at once (the
 * search box is debounced by the screen); there is no "apply" button to forget.
 */
export function QueueFilters({ filters, onChange, kecamatanCode, cadres }: Props) {
  const lang = locale.value;
  const set = (key: keyof Filters) => (event: Event) =>
    onChange({ ...filters, [key]: (event.currentTarget as HTMLInputElement | HTMLSelectElement).value });
  return (
    <form class="queue-form" onSubmit={(event) => event.preventDefault()}>
      <div class="field queue-search">
        <label for="queue-q">{tc("searchLabel")}</label>
        <input
          id="queue-q"
          type="search"
          autocomplete="off"
          spellcheck={false}
          maxLength={100}
          value={filters.q}
          onInput={set("q")}
          aria-describedby="queue-q-hint"
          data-testid="queue-search"
        />
        <p id="queue-q-hint" class="muted small">
          {tc("searchHint")}
        </p>
      </div>
      <div class="console-filters">
        <div class="field">
          <label for="queue-status">{tc("filterStatus")}</label>
          <select id="queue-status" value={filters.status} onChange={set("status")}>
            <option value="">{tc("statusOpen")}</option>
            {REVIEW_STATUS_ORDER.map((status) => (
              <option key={status} value={status}>
                {tc(`status.${status}` as ConsoleMessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="queue-service">{tc("filterService")}</label>
          <select id="queue-service" value={filters.guideId} onChange={set("guideId")}>
            <option value="">{tc("all")}</option>
            {guides.value.map((guide) => (
              <option key={guide.id} value={guide.id}>
                {guide.title[lang]}
              </option>
            ))}
          </select>
        </div>
        {kecamatanCode && (
          <div class="field">
            <label for="queue-village">{tc("filterVillage")}</label>
            <select id="queue-village" value={filters.villageCode} onChange={set("villageCode")}>
              <option value="">{tc("all")}</option>
              {villagesOf(kecamatanCode).map((village) => (
                <option key={village.code} value={village.code}>
                  {village.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div class="field">
          <label for="queue-cadre">{tc("filterCadre")}</label>
          <select id="queue-cadre" value={filters.cadreId} onChange={set("cadreId")}>
            <option value="">{tc("all")}</option>
            {cadres.map((cadre) => (
              <option key={cadre.id} value={cadre.id}>
                {cadre.displayName}
              </option>
            ))}
          </select>
        </div>
        <QueueClockFilters filters={filters} set={set} />
      </div>
    </form>
  );
}
