import type { Ref } from "preact";
import { td } from "../messages";

/**
 * Asked before a file the office sent back goes again with nothing changed on
 * what the office flagged: a modal the cadre answers in words, Batal first.
 */
export function ResubmitConfirm({
  dialogRef,
  onConfirm,
}: {
  dialogRef: Ref<HTMLDialogElement>;
  onConfirm: () => void;
}) {
  return (
    <dialog
      ref={dialogRef}
      class="confirm-dialog"
      aria-labelledby="resubmit-title"
      aria-describedby="resubmit-text"
      data-testid="resubmit-confirm"
    >
      <h2 id="resubmit-title">{td("resubmitTitle")}</h2>
      <p id="resubmit-text">{td("resubmitUnchanged")}</p>
      <form method="dialog" class="actions">
        <button type="submit" class="button" value="cancel">
          {td("cancel")}
        </button>
        <button type="submit" class="button primary" value="confirm" onClick={onConfirm}>
          {td("resubmitAnyway")}
        </button>
      </form>
    </dialog>
  );
}
