import { useState } from "preact/hooks";
import type { ManagedUser } from "../../../shared/api/users";
import { mayGrantComplaintHandling } from "../../../shared/complaints/access";
import { api } from "../api";
import { currentUser } from "../session";
import { tv } from "../voice-messages";

/** An admin grants or withdraws "Petugas penanganan pengaduan" on an operator's or admin's account. */
export function HandlerGrant({
  account,
  busy,
  run,
}: {
  account: ManagedUser;
  busy: boolean;
  run: (action: () => Promise<unknown>, message: string) => Promise<boolean>;
}) {
  // Shown ticked at once; put back if the server refuses.
  const [granted, setGranted] = useState(account.handlesComplaints === true);
  if (!mayGrantComplaintHandling(currentUser(), account)) return null;
  const id = `handler-${account.id}`;
  return (
    <div class="field checkbox-field handler-grant">
      <input
        id={id}
        type="checkbox"
        checked={granted}
        disabled={busy}
        aria-describedby={`${id}-help`}
        onChange={(event) => {
          const grant = event.currentTarget.checked;
          setGranted(grant);
          void run(
            () => api("PATCH", `/api/users/${account.id}`, { handlesComplaints: grant }),
            tv(grant ? "handlerGranted" : "handlerWithdrawn"),
          ).then((ok) => ok || setGranted(!grant));
        }}
      />
      <label for={id}>{tv("handlerToggle")}</label>
      <p id={`${id}-help`} class="muted small">
        {tv("handlerHelp")}
      </p>
    </div>
  );
}
