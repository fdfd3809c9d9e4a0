import { useEffect, useRef, useState } from "preact/hooks";
import type { QueueItem } from "../../shared/api/console";
import { fetchQueue, type QueueFilters } from "./desk";

/** How long the search box waits after the last keystroke before asking the server. */
const SEARCH_DEBOUNCE_MS = 300;

/**
 * The queue for the given filters, reloaded whenever they change: at once
 * for a select, after a pause for the search box. A slower older answer
 * never overwrites a newer one.
 */
export function useQueue(filters: QueueFilters) {
  const [items, setItems] = useState<QueueItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const latest = useRef(0);
  const lastQ = useRef<string | null>(null);

  async function load(after: string | null): Promise<void> {
    const ticket = ++latest.current;
    setLoading(true);
    setError(null);
    try {
      const page = await fetchQueue(filters, after);
      if (ticket !== latest.current) return;
      setItems((previous) => (after ? [...previous, ...page.items] : page.items));
      setCursor(page.nextCursor);
    } catch (failure) {
      if (ticket === latest.current) setError(failure);
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }

  useEffect(() => {
    const typed = lastQ.current !== null && lastQ.current !== filters.q;
    lastQ.current = filters.q;
    const timer = setTimeout(() => void load(null), typed ? SEARCH_DEBOUNCE_MS : 0);
    return () => clearTimeout(timer);
  }, [filters.status, filters.guideId, filters.villageCode, filters.cadreId, filters.clock, filters.sort, filters.q]);

  return { items, cursor, loading, error, loadMore: () => load(cursor), reload: () => load(null) };
}
