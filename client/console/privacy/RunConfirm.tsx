import type { RetentionReport } from "../../../shared/api/retention";
import { ConfirmDialog } from "../../drafts/components/ConfirmDialog";
import { tp } from "../privacy-messages";
import { countsOf } from "./words";

/** "Hapus data pribadi sekarang?" with the counts: a step that cannot be undone is confirmed on purpose. */
export function RunConfirm({
  totals,
  onConfirm,
  onCancel,
}: {
  totals: RetentionReport["totals"];
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <ConfirmDialog title={tp("confirmTitle")} confirmLabel={tp("confirmYes")} onConfirm={onConfirm} onCancel={onCancel}>
      <p>{tp("confirmBody", countsOf(totals))}</p>
    </ConfirmDialog>
  );
}
