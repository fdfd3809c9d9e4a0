import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { Draft } from "../../shared/draft";
import type { Guide } from "../../shared/guide";
import { voidSignatures } from "../../shared/statements/render";
import { guidesById } from "../catalogue/store";
import type { DraftRow } from "../db/local-db";
import { isQuotaError } from "../storage";
import { syncView } from "../sync/state";
import type { DraftMessageKey } from "./messages";
import { draftRepository, runPrecheck } from "./store";

export type LoadState = "loading" | "ready" | "missing";

/**
 * One draft on screen. Edits show at once (optimistic) and are written in
 * order, one transaction each; a failed write puts the screen back to what
 * is really stored and says why.
 */
export function useDraft(id: string) {
  const [state, setState] = useState<LoadState>("loading");
  const [draft, setDraft] = useState<DraftRow | null>(null);
  const [pinned, setPinned] = useState<Guide | null>(null);
  const [error, setError] = useState<DraftMessageKey | null>(null);
  const persisted = useRef<DraftRow | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const pending = useRef(0);

  useEffect(() => {
    let live = true;
    void (async () => {
      // A record that cannot be opened (tampered with, another profile's) is no file here: say so.
      const row = await draftRepository.get(id).catch((failure: unknown) => {
        if ((failure as { name?: string }).name === "VaultLockedError") throw failure;
        return undefined;
      });
      const guide = row ? await draftRepository.pinnedGuide(row) : undefined;
      if (!live) return;
      persisted.current = row ?? null;
      setDraft(row ?? null);
      setPinned(guide ?? null);
      setState(row && guide ? "ready" : "missing");
    })();
    return () => {
      live = false;
    };
  }, [id]);

  // A pull may change the stored workflow status (the office sent the file back: "ready" becomes "draft").
  // Content is the cadre's and never changes under the screen; only the status is taken, between edits.
  const lastSync = syncView.value.lastSyncAt?.getTime() ?? 0;
  useEffect(() => {
    if (!lastSync) return;
    let live = true;
    void draftRepository.get(id).then((row) => {
      if (!live || !row || pending.current > 0) return;
      const known = persisted.current;
      if (known && known.status !== row.status) persisted.current = { ...known, status: row.status };
      setDraft((current) => (current && current.status !== row.status ? { ...current, status: row.status } : current));
    });
    return () => {
      live = false;
    };
  }, [id, lastSync]);

  const run = useCallback((write: () => Promise<DraftRow>) => {
    pending.current++;
    const next = queue.current.then(write).then(
      (row) => {
        persisted.current = row;
        setError(null);
        if (--pending.current === 0) setDraft(row);
        return row;
      },
      (failure: unknown) => {
        pending.current--;
        // The error's name only: its message could quote data being written.
        console.error(
          "draft write failed:",
          (failure as { name?: string }).name,
          (failure as { inner?: { name?: string } }).inner?.name,
        );
        setDraft(persisted.current);
        setError(isQuotaError(failure) ? "quotaFull" : "saveFailed");
        return undefined;
      },
    );
    queue.current = next;
    return next;
  }, []);

  const edit = useCallback(
    (action: string, edited: (draft: Draft) => void) => {
      // The statement prints the applicant's data: a change there voids the signing confirmations.
      const change = action.startsWith("applicant")
        ? (draft: Draft) => {
            edited(draft);
            voidSignatures(draft);
          }
        : edited;
      setDraft((current) => {
        if (!current) return current;
        const next = structuredClone(current);
        change(next);
        return next;
      });
      return run(() => draftRepository.update(id, action, change));
    },
    [id, run],
  );

  const latest = guidesById.value.get(pinned?.id ?? "");
  const result = useMemo(() => (draft && pinned ? runPrecheck(pinned, draft) : null), [draft, pinned]);

  return {
    state,
    draft,
    guide: pinned,
    latest: latest && pinned && latest.version > pinned.version ? latest : null,
    result,
    error,
    setError,
    edit,
    run,
    moveToLatest: async (guide: Guide) => {
      const row = await run(() => draftRepository.moveToGuideVersion(id, guide));
      if (row) setPinned(guide);
    },
  };
}
