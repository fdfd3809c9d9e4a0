import { useEffect, useState } from "preact/hooks";

/**
 * Seconds left until `until` (an ISO time), ticking once a second with
 * setTimeout while there is time left, and 0 once it has passed.
 */
export function useCountdown(until: string | null): number {
  const left = () => (until ? Math.max(0, Math.ceil((Date.parse(until) - Date.now()) / 1000)) : 0);
  const [seconds, setSeconds] = useState(left);
  useEffect(() => {
    setSeconds(left());
    if (!until) return;
    const end = Date.parse(until);
    // The next whole second before `until`, so the text changes when the number does.
    const nextDelay = () => (end - Date.now()) % 1000 || 1000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      const now = left();
      setSeconds(now);
      if (now > 0) timer = setTimeout(tick, nextDelay());
    };
    if (end > Date.now()) timer = setTimeout(tick, nextDelay());
    return () => clearTimeout(timer);
  }, [until]);
  return seconds;
}
