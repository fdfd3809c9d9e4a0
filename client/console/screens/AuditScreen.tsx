import { useEffect, useState } from "preact/hooks";
import type { AuditEntry, AuditPage } from "../../../shared/api/console";
import type { ManagedUser } from "../../../shared/api/users";
import { formatDateTime } from "../../format";
import { locale } from "../../i18n";
import { api, queryString } from "../api";
import { ErrorNote } from "../components/Notice";
import { loadCadres } from "../lookups";
import { tc } from "../messages";
import { currentUser } from "../session";
import { usePagedList } from "../use-paged-list";

interface Filters {
  actorId: string;
  action: string;
}

/** A short, readable summary of what changed; never the whole stored object. */
function changeSummary(entry: AuditEntry): string {
  const text = (value: unknown) => (value === null || value === undefined ? "" : JSON.stringify(value));
  const before = text(entry.before);
  const after = text(entry.after);
  const joined = before && after ? `${before} → ${after}` : before || after;
  return joined.length > 160 ? `${joined.slice(0, 157)}…` : joined;
}

export function AuditScreen() {
  const [filters, setFilters] = useState<Filters>({ actorId: "", action: "" });
  const {
    rows: entries,
    cursor,
    loading,
    error,
    load,
  } = usePagedList<AuditEntry, Filters>((next, after) =>
    api<AuditPage>("GET", `/api/console/audit${queryString({ ...next, cursor: after })}`).then((page) => ({
      rows: page.entries,
      nextCursor: page.nextCursor,
    })),
  );
  const [people, setPeople] = useState<ManagedUser[]>([]);
  const lang = locale.value;

  useEffect(() => {
    void load(filters, null);
    loadCadres().then(setPeople, () => setPeople([]));
  }, []);

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{tc("auditTitle")}</h1>
      <form
        class="console-filters"
        onSubmit={(event) => {
          event.preventDefault();
          void load(filters, null);
        }}
      >
        <div class="field">
          <label for="audit-actor">{tc("auditActor")}</label>
          <select
            id="audit-actor"
            value={filters.actorId}
            onChange={(e) => setFilters({ ...filters, actorId: e.currentTarget.value })}
          >
            <option value="">{tc("all")}</option>
            <option value={currentUser().id}>{currentUser().displayName}</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.displayName}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="audit-action">{tc("auditAction")}</label>
          <input
            id="audit-action"
            value={filters.action}
            maxLength={60}
            onInput={(e) => setFilters({ ...filters, action: e.currentTarget.value.trim() })}
          />
        </div>
        <button type="submit" class="button primary">
          {tc("apply")}
        </button>
        <a class="button" href={`/api/console/audit/export.csv${queryString({ ...filters })}`} download>
          {tc("downloadCsv")}
        </a>
      </form>
      <p class="muted small" aria-live="polite">
        {loading && entries.length === 0 ? tc("loading") : tc("results", { count: entries.length })}
      </p>
      {error !== null && <ErrorNote error={error} onRetry={() => void load(filters, null)} />}
      <div class="table-scroll">
        <table class="console-table" data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col">{tc("auditAt")}</th>
              <th scope="col">{tc("auditActor")}</th>
              <th scope="col">{tc("auditAction")}</th>
              <th scope="col">{tc("auditTarget")}</th>
              <th scope="col">{tc("auditDetail")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>
                  <time dateTime={entry.at}>{formatDateTime(new Date(entry.at), lang)}</time>
                </td>
                <td>
                  {entry.actorName} <span class="muted small">({entry.actorRole})</span>
                </td>
                <td>
                  <code>{entry.action}</code>
                </td>
                <td>
                  {entry.targetType} <span class="muted small">{entry.targetId.slice(0, 12)}</span>
                </td>
                <td class="small mono">{changeSummary(entry)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {cursor && (
        <button type="button" class="button" disabled={loading} onClick={() => void load(filters, cursor)}>
          {tc("loadMore")}
        </button>
      )}
    </section>
  );
}
