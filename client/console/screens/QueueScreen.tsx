import { useEffect, useState } from "preact/hooks";
import type { ManagedUser } from "../../../shared/api/users";
import { ErrorNote } from "../components/Notice";
import { QueueFilters } from "../components/review/QueueFilters";
import { QueueRow } from "../components/review/QueueRow";
import { byDeadline, deskFilters } from "../desk";
import { loadCadres } from "../lookups";
import { tc } from "../messages";
import { currentUser } from "../session";
import { useQueue } from "../use-queue";

/** The office's queue: search and filters apply as they change, and stay while the operator works through files. */
export function QueueScreen() {
  const user = currentUser();
  const filters = deskFilters.value;
  const { items, cursor, loading, error, loadMore, reload } = useQueue(filters);
  const [cadres, setCadres] = useState<ManagedUser[]>([]);

  useEffect(() => {
    loadCadres().then(setCadres, () => setCadres([]));
  }, []);

  return (
    <section aria-labelledby="queue-title">
      <h1 id="queue-title">{tc("queueTitle")}</h1>
      <p class="muted small">{tc(byDeadline(filters) ? "queueHelpDeadline" : "queueHelp")}</p>
      <QueueFilters
        filters={filters}
        onChange={(next) => {
          deskFilters.value = next;
        }}
        kecamatanCode={user.kecamatanCode}
        cadres={cadres}
      />
      <p class="muted small" aria-live="polite" data-testid="queue-count">
        {loading && items.length === 0 ? tc("loading") : tc("results", { count: items.length })}
      </p>
      {error !== null && <ErrorNote error={error} onRetry={reload} />}
      {!loading && !error && items.length === 0 && <p class="card">{tc("noResults")}</p>}
      <ul class="console-list" data-testid="queue-list" aria-busy={loading}>
        {items.map((item) => (
          <QueueRow key={item.id} item={item} />
        ))}
      </ul>
      {cursor && (
        <button
          type="button"
          class="button"
          disabled={loading}
          onClick={() => void loadMore()}
          data-testid="queue-more"
        >
          {tc("loadMore")}
        </button>
      )}
    </section>
  );
}
