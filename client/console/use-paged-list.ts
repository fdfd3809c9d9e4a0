import { useState } from "preact/hooks";

export interface Page<T> {
  rows: T[];
  nextCursor: string | null;
}

/**
 * A keyset-paged list (the queue, the audit log): the first page for new
 * filters replaces the rows, "muat lagi" appends the next one.
 */
export function usePagedList<T, F>(fetchPage: (filters: F, cursor: string | null) => Promise<Page<T>>) {
  const [rows, setRows] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  async function load(filters: F, after: string | null): Promise<void> {
    setLoading(true);
    setError(null);
    try {
      const page = await fetchPage(filters, after);
      setRows((previous) => (after ? [...previous, ...page.rows] : page.rows));
      setCursor(page.nextCursor);
    } catch (failure) {
      setError(failure);
    } finally {
      setLoading(false);
    }
  }

  return { rows, cursor, loading, error, load };
}
