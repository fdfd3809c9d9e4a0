import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import type { TrackingNumber } from "../../shared/tracking/number";
import { type LookupFailure, type LookupResult, lookUpAny } from "./lookup";
import { type AnyStatus, getSaved, type SavedLookup, saveLookup, touchSaved } from "./store";

export interface Tracked {
  /** undefined while the phone's copy is being read; null: none stored. */
  saved: SavedLookup | null | undefined;
  failure: LookupFailure | null;
  retryAfter: number | undefined;
  busy: boolean;
  /** Said once after a refresh the citizen asked for ("Status diperbarui."). */
  refreshedByHand: boolean;
  /** The status this phone showed before the latest answer, when that answer changed it. */
  changedFrom: AnyStatus["status"] | null;
  refresh: (byHand?: boolean) => void;
}

/**
 * One number's status: the copy on the phone at once (offline too), then
 * the office's answer when there is a connection, on open, when the
 * connection comes back, and on "Perbarui".
 */
export function useTracked(number: TrackingNumber): Tracked {
  const [saved, setSaved] = useState<SavedLookup | null | undefined>(undefined);
  const [failure, setFailure] = useState<LookupFailure | null>(null);
  const [retryAfter, setRetryAfter] = useState<number | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [refreshedByHand, setRefreshedByHand] = useState(false);
  const [changedFrom, setChangedFrom] = useState<AnyStatus["status"] | null>(null);
  const current = useRef(number);
  current.current = number;
  const shown = useRef<SavedLookup | null | undefined>(undefined);
  shown.current = saved;

  const refresh = useCallback(
    (byHand = false) => {
      setBusy(true);
      setRefreshedByHand(false);
      void (async () => {
        const result: LookupResult<AnyStatus> = navigator.onLine
          ? await lookUpAny(number)
          : { ok: false, failure: "offline" };
        if (current.current !== number) return;
        if (result.ok) {
          const before = shown.current?.status.status;
          if (before && before !== result.status.status) setChangedFrom(before);
          // Stored first: what shows is what the phone will show offline.
          const row = await saveLookup(result.status, new Date()).catch(() => null);
          setSaved(
            row ?? { number, status: result.status, fetchedAt: result.status.asOf, openedAt: result.status.asOf },
          );
          setFailure(null);
          setRefreshedByHand(byHand);
        } else {
          setFailure(result.failure);
          setRetryAfter(result.retryAfter);
        }
        setBusy(false);
      })();
    },
    [number],
  );

  useEffect(() => {
    let live = true;
    setSaved(undefined);
    setFailure(null);
    setChangedFrom(null);
    void getSaved(number)
      .catch(() => undefined)
      .then((row) => {
        if (!live) return;
        setSaved(row ?? null);
        if (row) void touchSaved(number, new Date()).catch(() => undefined);
        refresh();
      });
    const onOnline = () => refresh();
    addEventListener("online", onOnline);
    return () => {
      live = false;
      removeEventListener("online", onOnline);
    };
  }, [number, refresh]);

  return { saved, failure, retryAfter, busy, refreshedByHand, changedFrom, refresh };
}
