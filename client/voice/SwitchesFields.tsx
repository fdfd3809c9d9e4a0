import { MAX_REPORTER_CONTACT, MAX_REPORTER_NAME } from "../../shared/api/complaints";
import { tv } from "./messages";
import type { ComplaintDraft } from "./validate";

interface Props {
  draft: ComplaintDraft;
  change: (next: Partial<ComplaintDraft>) => void;
}

/** SP4N-LAPOR!'s two switches, then who to call back when the reporter is not anonymous. */
export function SwitchesFields({ draft, change }: Props) {
  return (
    <section class="card" aria-label={`${tv("anonymousLabel")}, ${tv("confidentialLabel")}`}>
      <label class="voice-switch">
        <input
          type="checkbox"
          role="switch"
          checked={draft.anonymous}
          aria-checked={draft.anonymous}
          aria-describedby="complaint-anonymous-help"
          // Anonymous clears what was typed and the photos (their uploader's account would name the sender):
          // nothing about the reporter stays to be sent by mistake.
          onChange={(event) =>
            change(
              event.currentTarget.checked
                ? { anonymous: true, name: "", contact: "", evidence: [] }
                : { anonymous: false },
            )
          }
        />
        <span>
          <strong>{tv("anonymousLabel")}</strong>
          <span class="field-hint" id="complaint-anonymous-help">
            {tv("anonymousHelp")}
          </span>
        </span>
      </label>
      <label class="voice-switch">
        <input
          type="checkbox"
          role="switch"
          checked={draft.confidential}
          aria-checked={draft.confidential}
          aria-describedby="complaint-confidential-help"
          onChange={(event) => change({ confidential: event.currentTarget.checked })}
        />
        <span>
          <strong>{tv("confidentialLabel")}</strong>
          <span class="field-hint" id="complaint-confidential-help">
            {tv("confidentialHelp")}
          </span>
        </span>
      </label>
      {!draft.anonymous && (
        <>
          <div class="field">
            <label for="complaint-name">{tv("nameLabel")}</label>
            <input
              id="complaint-name"
              type="text"
              autoComplete="name"
              maxLength={MAX_REPORTER_NAME}
              value={draft.name}
              onInput={(event) => change({ name: event.currentTarget.value })}
            />
          </div>
          <div class="field">
            <label for="complaint-contact">{tv("contactLabel")}</label>
            <input
              id="complaint-contact"
              type="text"
              autoComplete="tel"
              maxLength={MAX_REPORTER_CONTACT}
              value={draft.contact}
              aria-describedby="complaint-contact-hint"
              onInput={(event) => change({ contact: event.currentTarget.value })}
            />
            <p class="field-hint" id="complaint-contact-hint">
              {tv("contactHint")}
            </p>
          </div>
        </>
      )}
    </section>
  );
}
