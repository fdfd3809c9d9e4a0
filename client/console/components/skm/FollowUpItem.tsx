import { useState } from "preact/hooks";
import type { SkmFollowUp } from "../../../../shared/api/skm";
import { jakartaDate } from "../../../../shared/jakarta-time";
import { formatDay } from "../../../format";
import { locale } from "../../../i18n";
import { tv } from "../../voice-messages";
import { FollowUpForm, type FollowUpValues } from "./FollowUpForm";

/** One plan: what, who, by when, done; edit it, mark it done (or open again), delete it. */
export function FollowUpItem({
  plan,
  elementName,
  busy,
  onUpdate,
  onDelete,
}: {
  plan: SkmFollowUp;
  elementName: string;
  busy: boolean;
  onUpdate: (change: Partial<FollowUpValues> & { done?: boolean }, message: string) => Promise<boolean>;
  onDelete: () => void;
}) {
  const lang = locale.value;
  const [editing, setEditing] = useState(false);
  return (
    <li class="follow-up" data-testid="follow-up" data-done={plan.doneAt ? "yes" : "no"}>
      <p class="follow-up-head">
        <strong>{elementName}</strong>
        <span class={plan.doneAt ? "status-tag tag-done" : "status-tag"} data-testid="follow-up-state">
          {plan.doneAt
            ? tv("followUpDoneAt", { date: formatDay(jakartaDate(new Date(plan.doneAt)), lang) })
            : tv("followUpOpen")}
        </span>
      </p>
      {editing ? (
        <FollowUpForm
          idPrefix={`follow-up-${plan.id}`}
          elements={null}
          initial={{ elementId: plan.elementId, action: plan.action, owner: plan.owner, dueDate: plan.dueDate }}
          busy={busy}
          submitLabel={tv("followUpSave")}
          onSubmit={(values) =>
            onUpdate({ action: values.action, owner: values.owner, dueDate: values.dueDate }, tv("followUpSaved")).then(
              (ok) => {
                if (ok) setEditing(false);
                return ok;
              },
            )
          }
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <p class="follow-up-action">{plan.action}</p>
          <p class="small muted">
            {tv("followUpOwner")}: {plan.owner} · {tv("followUpDue")}: {formatDay(plan.dueDate, lang)}
          </p>
          <div class="actions">
            <button
              type="button"
              class="button small"
              disabled={busy}
              onClick={() => void onUpdate({ done: !plan.doneAt }, tv("followUpSaved"))}
            >
              {plan.doneAt ? tv("followUpReopen") : tv("followUpMarkDone")}
            </button>
            <button type="button" class="button small" disabled={busy} onClick={() => setEditing(true)}>
              {tv("followUpEdit")}
            </button>
            <button type="button" class="button small danger" disabled={busy} onClick={onDelete}>
              {tv("followUpDelete")}
            </button>
          </div>
        </>
      )}
    </li>
  );
}
