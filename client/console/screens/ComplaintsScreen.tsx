import { useEffect, useState } from "preact/hooks";
import type { ComplaintListItem } from "../../../shared/api/complaints";
import { mayOpenComplaints } from "../../../shared/complaints/access";
import { ApiFailure } from "../api";
import { ComplaintFilters } from "../components/complaints/ComplaintFilters";
import { ComplaintRow } from "../components/complaints/ComplaintRow";
import {
  complaintFilters,
  type ComplaintFilters as Filters,
  loadComplaintPage,
} from "../components/complaints/complaint-api";
import { ComplaintsSection } from "../components/dashboard/ComplaintsSection";
import { ErrorNote } from "../components/Notice";
import { tc } from "../messages";
import { currentUser } from "../session";
import { tv } from "../voice-messages";

/**
 * The complaint queue for complaint handlers (and admins, who read what is
 * not confidential). Everyone else on the console sees the counts and a
 * sentence saying why, as the server answers complaint_handler_required.
 */
export function ComplaintsScreen() {
  const user = currentUser();
  const mayRead = mayOpenComplaints(user);
  const filters = complaintFilters.value;
  const setFilters = (next: Filters) => {
    complaintFilters.value = next;
  };
  const [items, setItems] = useState<ComplaintListItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(mayRead);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (!mayRead) return;
    let current = true;
    setLoading(true);
    setError(null);
    loadComplaintPage(filters, null).then(
      (page) => {
        if (!current) return;
        setItems(page.items);
        setCursor(page.nextCursor);
        setLoading(false);
      },
      (failure: unknown) => {
        if (!current) return;
        setError(failure);
        setItems([]);
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [filters, tick, mayRead]);

  async function loadMore() {
    if (!cursor) return;
    setLoading(true);
    try {
      const page = await loadComplaintPage(filters, cursor);
      setItems((previous) => [...previous, ...page.items]);
      setCursor(page.nextCursor);
    } catch (failure) {
      setError(failure);
    } finally {
      setLoading(false);
    }
  }

  const refused = error instanceof ApiFailure && error.code === "complaint_handler_required";
  if (!mayRead || refused) {
    return (
      <section aria-labelledby="complaints-title">
        <h1 id="complaints-title">{tv("complaintsTitle")}</h1>
        <p class="card notice-line" data-testid="complaints-not-handler">
          {tv("complaintsNotHandler")}
        </p>
        <ComplaintsSection title={tv("complaintsCountsTitle")} />
      </section>
    );
  }

  return (
    <section aria-labelledby="complaints-title">
      <h1 id="complaints-title">{tv("complaintsTitle")}</h1>
      <p class="muted small">{tv("complaintsHelp")}</p>
      <ComplaintFilters filters={filters} onChange={setFilters} />
      <p class="muted small" aria-live="polite" data-testid="complaint-count">
        {loading && items.length === 0 ? tc("loading") : tv("complaintCount", { count: items.length })}
      </p>
      {error !== null && <ErrorNote error={error} onRetry={() => setTick((n) => n + 1)} />}
      {!loading && error === null && items.length === 0 && <p class="card">{tv("complaintNone")}</p>}
      <ul class="console-list" data-testid="complaint-list" aria-busy={loading}>
        {items.map((item) => (
          <ComplaintRow key={item.id} item={item} />
        ))}
      </ul>
      {cursor && (
        <button type="button" class="button" disabled={loading} onClick={() => void loadMore()}>
          {tc("loadMore")}
        </button>
      )}
    </section>
  );
}
