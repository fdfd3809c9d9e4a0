import { useState } from "preact/hooks";
import type { ComplaintDetail } from "../../../../shared/api/complaints";
import { REFERRAL_CHANNELS } from "../../../../shared/complaints/categories";
import { complaintHandoverText, type ReferralChannelId } from "../../../../shared/complaints/handover";
import { guidesById } from "../../../catalogue/store";
import { tv } from "../../voice-messages";
import { Status } from "../Notice";

/** The complaint as plain text for SP4N-LAPOR!, JakLapor and the others, with a copy button. */
export function ComplaintHandover({ detail }: { detail: ComplaintDetail }) {
  const [channel, setChannel] = useState<ReferralChannelId>("lapor");
  const [status, setStatus] = useState<string | null>(null);
  const serviceTitle = detail.guideId ? guidesById.value.get(detail.guideId)?.title.id : undefined;
  const text = complaintHandoverText(detail, channel, serviceTitle ? { serviceTitle } : {});
  return (
    <section class="card" aria-labelledby="complaint-handover-title">
      <h2 id="complaint-handover-title">{tv("handoverTitle")}</h2>
      <p class="muted small">{tv("handoverHelp")}</p>
      <div class="field">
        <label for="handover-channel">{tv("handoverChannel")}</label>
        <select
          id="handover-channel"
          value={channel}
          onChange={(event) => setChannel(event.currentTarget.value as ReferralChannelId)}
        >
          {REFERRAL_CHANNELS.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name}
            </option>
          ))}
        </select>
      </div>
      <textarea
        class="handover-text"
        aria-labelledby="complaint-handover-title"
        rows={12}
        readOnly
        value={text}
        data-testid="handover-text"
      />
      <button
        type="button"
        class="button small"
        onClick={() =>
          (navigator.clipboard?.writeText(text) ?? Promise.reject(new Error("no clipboard"))).then(
            () => setStatus(tv("handoverCopied")),
            () => setStatus(tv("handoverCopyFailed")),
          )
        }
      >
        {tv("handoverCopy")}
      </button>
      <Status text={status} />
    </section>
  );
}
