import { useEffect, useState } from "preact/hooks";
import type { QueueItem, QueuePage } from "../../../shared/api/console";
import type { ManagedUser } from "../../../shared/api/users";
import { guides } from "../../catalogue/store";
import { formatDateTime } from "../../format";
import { locale } from "../../i18n";
import { onLinkClick } from "../../router";
import { api, queryString } from "../api";
import { ErrorNote } from "../components/Notice";
import { loadCadres, villageName, villagesOf } from "../lookups";
import { type ConsoleMessageKey, tc } from "../messages";
import { consolePaths } from "../routes";
import { currentUser } from "../session";
import { usePagedList } from "../use-paged-list";

export const REVIEW_STATUSES = ["submitted", "received", "verified", "needs-fix", "rejected", "approved"] as const;

interface Filters {
  status: string;
  guideId: string;
  villageCode: string;
  cadreId: string;
}

const EMPTY: Filters = { status: "", guideId: "", villageCode: "", cadreId: "" };

export function QueueScreen() {
  const user = currentUser();
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const {
    rows: items,
    cursor,
    loading,
    error,
    load,
  } = usePagedList<QueueItem, Filters>((next, after) =>
    api<QueuePage>("GET", `/api/console/applications${queryString({ ...next, cursor: after, limit: "50" })}`).then(
      (page) => ({ rows: page.items, nextCursor: page.nextCursor }),
    ),
  );
  const [cadres, setCadres] = useState<ManagedUser[]>([]);

  useEffect(() => {
    loadCadres().then(setCadres, () => setCadres([]));
  }, []);

  useEffect(() => {
    void load(EMPTY, null);
  }, []);

  const lang = locale.value;
  const set = (key: keyof Filters) => (event: Event) =>
    setFilters({ ...filters, [key]: (event.currentTarget as HTMLSelectElement).value });

  return (
    <section aria-labelledby="queue-title">
      <h1 id="queue-title">{tc("queueTitle")}</h1>
      <p class="muted small">{tc("queueHelp")}</p>
      <form
        class="console-filters"
        onSubmit={(event) => {
          event.preventDefault();
          void load(filters, null);
        }}
      >
        <div class="field">
          <label for="queue-status">{tc("filterStatus")}</label>
          <select id="queue-status" value={filters.status} onChange={set("status")}>
            <option value="">{tc("statusOpen")}</option>
            {REVIEW_STATUSES.map((status) => (
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
        {user.kecamatanCode && (
          <div class="field">
            <label for="queue-village">{tc("filterVillage")}</label>
            <select id="queue-village" value={filters.villageCode} onChange={set("villageCode")}>
              <option value="">{tc("all")}</option>
              {villagesOf(user.kecamatanCode).map((village) => (
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
        <button type="submit" class="button primary" data-testid="queue-apply">
          {tc("apply")}
        </button>
      </form>

      <p class="muted small" aria-live="polite" data-testid="queue-count">
        {loading && items.length === 0 ? tc("loading") : tc("results", { count: items.length })}
      </p>
      {error !== null && <ErrorNote error={error} onRetry={() => void load(filters, null)} />}
      {!loading && !error && items.length === 0 && <p class="card">{tc("noResults")}</p>}
      <ul class="console-list" data-testid="queue-list">
        {items.map((item) => (
          <li key={item.id} class="console-row" data-testid="queue-row" data-id={item.id}>
            <a href={consolePaths.application(item.id)} onClick={onLinkClick} class="console-row-main">
              <strong>{item.applicantName || "—"}</strong>
              <span>{item.guideTitle}</span>
            </a>
            <span class={`status-tag status-${item.status}`}>{tc(`status.${item.status}` as ConsoleMessageKey)}</span>
            <span class="small muted">
              {item.submittedAt ? tc("submittedAt", { when: formatDateTime(new Date(item.submittedAt), lang) }) : ""}
              {" · "}
              {tc("byCadre", { name: item.cadreName })}
              {item.villageCode ? ` · ${villageName(item.villageCode)}` : ""}
            </span>
          </li>
        ))}
      </ul>
      {cursor && (
        <button
          type="button"
          class="button"
          disabled={loading}
          onClick={() => void load(filters, cursor)}
          data-testid="queue-more"
        >
          {tc("loadMore")}
        </button>
      )}
    </section>
  );
}
