import { useState } from "preact/hooks";
import { useLoad } from "../../use-load";
import { tv } from "../../voice-messages";
import type { ActionProps } from "./actions";
import { loadHandlers } from "./complaint-api";

/** Assign the complaint to one of the office's complaint handlers (or to nobody). */
export function ComplaintAssignForm({ detail, busy, run }: ActionProps) {
  const handlers = useLoad("complaint-handlers", loadHandlers);
  const [assigneeId, setAssigneeId] = useState(detail.assignee?.id ?? "");
  const options = handlers.data ?? (detail.assignee ? [detail.assignee] : []);
  return (
    <form
      class="card"
      aria-labelledby="complaint-assign-title"
      onSubmit={(event) => {
        event.preventDefault();
        void run("assign", { assigneeId: assigneeId || null }, tv("assigned"));
      }}
    >
      <h2 id="complaint-assign-title">{tv("assignTitle")}</h2>
      <div class="field">
        <label for="complaint-assignee-pick">{tv("assignLabel")}</label>
        <select
          id="complaint-assignee-pick"
          value={assigneeId}
          onChange={(event) => setAssigneeId(event.currentTarget.value)}
        >
          <option value="">{tv("assignNobody")}</option>
          {options.map((handler) => (
            <option key={handler.id} value={handler.id}>
              {handler.displayName}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="button small" disabled={busy || assigneeId === (detail.assignee?.id ?? "")}>
        {tv("assignSave")}
      </button>
    </form>
  );
}
