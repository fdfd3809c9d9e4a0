import { useEffect, useState } from "preact/hooks";

/** The time, moved on every minute: "terakhir diperbarui 5 menit yang lalu" stays true while the page is open. */
export function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
