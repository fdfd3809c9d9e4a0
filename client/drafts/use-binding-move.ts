import { useEffect, useState } from "preact/hooks";
import type { Guide } from "../../shared/guide";
import { mustMoveBeforeSubmit } from "../../shared/guide-changes";
import { type DraftRow, localDb } from "../db/local-db";
import { type OfficeFacts, officeHasFile } from "./office-file";
import { draftRepository } from "./store";

export interface BindingInput {
  id: string;
  draft: DraftRow | null;
  /** The guide version the draft is pinned to. */
  guide: Guide | null;
  /** A newer version of that guide in the catalogue, if there is one. */
  latest: Guide | null;
  /** What the phone knows of the office's side of the file; null while it is being read. */
  facts: OfficeFacts | null;
  /** Shows the draft on `guide` (moving it first when it is not stored there yet). */
  moveToLatest: (guide: Guide) => Promise<void>;
}

export interface BindingMove {
  /**
   * The office takes no submit on the pinned version (the shared rule): the
   * draft is being moved. Undefined while the office's side is being read.
   */
  mustMove: boolean | undefined;
  /** The office's move is done and the cadre has not yet said "Mengerti": the version the draft was on. */
  movedFrom: Guide | null;
  acknowledge: () => void;
}

/**
 * A binding guide version on the draft screen (docs/SYNC.md, "New guide
 * versions"): decides with `mustMoveBeforeSubmit` whether the draft must move
 * — never a file the office already has, such as one sent back for a fix —
 * moves it the way a sync round does (drafts/binding.ts), and keeps the
 * change list until the cadre has seen it.
 */
export function useBindingMove({ id, draft, guide, latest, facts, moveToLatest }: BindingInput): BindingMove {
  const mustMove =
    !draft || !guide || !latest
      ? false
      : facts
        ? mustMoveBeforeSubmit(latest, guide.version, officeHasFile(draft, facts))
        : undefined;

  useEffect(() => {
    if (!mustMove || !latest) return;
    void (async () => {
      const { adoptBindingVersions } = await import("./binding");
      const moved = await adoptBindingVersions(localDb);
      // Then show the draft on the version it is stored on now.
      const stored = await draftRepository.get(id);
      if (stored && stored.guideVersion >= latest.version) await moveToLatest(latest);
      if (moved.length > 0) void import("../sync/runner").then(({ requestSync }) => requestSync());
    })();
  }, [id, mustMove, latest?.version]);

  // The version the draft was on before the office's move, for the change list.
  const [seen, setSeen] = useState(false);
  const [before, setBefore] = useState<Guide | null>(null);
  const officeChange = seen ? undefined : draft?.officeChange;
  useEffect(() => {
    if (!officeChange || !guide) {
      setBefore(null);
      return;
    }
    void draftRepository
      .pinnedGuide({ guideId: guide.id, guideVersion: officeChange.from })
      .then((old) => setBefore(old ?? null));
  }, [guide?.id, officeChange?.from]);

  return {
    mustMove,
    movedFrom: officeChange && before && officeChange.to === guide?.version ? before : null,
    // The notice goes once the acknowledgement is stored: a reload right after "Mengerti" must not bring it back.
    acknowledge: () => {
      void draftRepository.acknowledgeOfficeChange(id).then(() => setSeen(true));
    },
  };
}
