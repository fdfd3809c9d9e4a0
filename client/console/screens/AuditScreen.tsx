import { useEffect, useState } from "preact/hooks";
import type { AuditEntry, AuditPage } from "../../../shared/api/console";
import { api, queryString } from "../api";
import { AuditFilters, type AuditFilterValues } from "../components/audit/AuditFilters";
import { AuditRow } from "../components/audit/AuditRow";
import { ErrorNote } from "../components/Notice";
import { TableScroll } from "../components/TableScroll";
import { tc } from "../messages";
import { usePagedList } from "../use-paged-list";

/** Who did what to which file, guide or account, newest first, in words. */
export function AuditScreen() {
  const [filters, setFilters] = useState<AuditFilterValues>({ actorId: "", action: "" });
  const {
    rows: entries,
    cursor,
    loading,
    error,
    load,
  } = usePagedList<AuditEntry, AuditFilterValues>((next, after) =>
    api<AuditPage>("GET", `/api/console/audit${queryString({ ...next, cursor: after })}`).then((page) => ({
      rows: page.entries,
      nextCursor: page.nextCursor,
    })),
  );

  useEffect(() => {
    void load(filters, null);
  }, []);

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{tc("auditTitle")}</h1>
      <AuditFilters filters={filters} onChange={setFilters} onApply={() => void load(filters, null)} />
      <p class="muted small" aria-live="polite">
        {loading && entries.length === 0 ? tc("loading") : tc("results", { count: entries.length })}
      </p>
      {error !== null && <ErrorNote error={error} onRetry={() => void load(filters, null)} />}
      <TableScroll labelledBy={"audit-title"}>
        <table class="console-table audit-table" data-testid="audit-table">
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
              <AuditRow key={entry.id} entry={entry} />
            ))}
          </tbody>
        </table>
      </TableScroll>
      {cursor && (
        <button type="button" class="button" disabled={loading} onClick={() => void load(filters, cursor)}>
          {tc("loadMore")}
        </button>
      )}
    </section>
  );
}
