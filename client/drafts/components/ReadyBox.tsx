import { useRef } from "preact/hooks";
import type { Draft } from "../../../shared/draft";
import { td } from "../messages";
import { ResubmitConfirm } from "./ResubmitConfirm";

interface Props {
  status: Draft["status"];
  locked: boolean;
  ready: boolean;
  /** The office no longer takes this guide version (or it is still being decided): the move comes first. */
  mustMove: boolean | undefined;
  /** Sent back and nothing changed on what the office flagged: ask before sending it again. */
  askFirst: boolean;
  onNotReady: () => void;
  onSubmit: () => void;
  onBackToDraft: () => void;
}

/** "Tandai siap diajukan" and what answers it: the summary when not ready, a question when nothing was fixed. */
export function ReadyBox({ status, locked, ready, mustMove, askFirst, onNotReady, onSubmit, onBackToDraft }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  if (locked) return <section class="card ready-box no-print" />;
  if (status === "ready") {
    return (
      <section class="card ready-box no-print">
        <p role="status">{td("markedReady")}</p>
        <button type="button" class="button small" onClick={onBackToDraft}>
          {td("backToDraft")}
        </button>
      </section>
    );
  }
  return (
    <section class="card ready-box no-print">
      <button
        type="button"
        class="button primary"
        // Not disabled while the file is incomplete: the tap is what takes the cadre to the list of what is missing.
        aria-disabled={mustMove !== false}
        onClick={() => {
          if (mustMove !== false) return;
          if (!ready) onNotReady();
          else if (askFirst) dialog.current?.showModal();
          else onSubmit();
        }}
      >
        {td("markReady")}
      </button>
      <ResubmitConfirm dialogRef={dialog} onConfirm={onSubmit} />
    </section>
  );
}
