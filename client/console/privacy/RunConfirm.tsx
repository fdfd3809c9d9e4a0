import { useLayoutEffect, useRef } from "preact/hooks";
import type { RetentionReport } from "../../../shared/api/retention";
import { tp } from "../privacy-messages";
import { countsOf } from "./words";

/**
 * "Hapus data pribadi sekarang?" with the counts: a step that cannot be
 * undone is confirmed on purpose. Focus starts on "Batal" (an Enter pressed
 * out of habit removes nothing); Escape cancels.
 */
export function RunConfirm({
  totals,
  onConfirm,
  onCancel,
}: {
  totals: RetentionReport["totals"];
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    cancel.current?.focus();
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      class="confirm-dialog"
      aria-labelledby="privacy-confirm-title"
      aria-describedby="privacy-confirm-body"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id="privacy-confirm-title">{tp("confirmTitle")}</h2>
      <p id="privacy-confirm-body">{tp("confirmBody", countsOf(totals))}</p>
      <div class="actions">
        <button ref={cancel} type="button" class="button" onClick={onCancel}>
          {tp("cancel")}
        </button>
        <button type="button" class="button primary danger-fill" onClick={onConfirm} data-testid="privacy-confirm">
          {tp("confirmYes")}
        </button>
      </div>
    </dialog>
  );
}
