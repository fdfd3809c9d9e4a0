import { MAX_COMPLAINT_TEXT } from "../../shared/api/complaints";
import { earliestHappenedOn } from "../../shared/complaints/dates";
import { tv } from "./messages";
import type { ComplaintDraft, ComplaintField } from "./validate";

/** A control's invalid state and what describes it (its error, then its hint). */
export function described(id: string, error: string | undefined, hint?: string) {
  const ids = [error ? `${id}-error` : null, hint].filter(Boolean).join(" ");
  return { ...(error ? { "aria-invalid": true as const } : {}), ...(ids ? { "aria-describedby": ids } : {}) };
}

interface Props {
  draft: ComplaintDraft;
  errors: Partial<Record<ComplaintField, string>>;
  today: string;
  change: (next: Partial<ComplaintDraft>) => void;
}

/** What happened, in the reporter's words, and when (not after today, Jakarta, nor over two years back). */
export function WhatWhenFields({ draft, errors: e, today, change }: Props) {
  return (
    <section class="card">
      <div class={`field${e.description ? " has-error" : ""}`}>
        <label for="complaint-what">{tv("whatLabel")}</label>
        <textarea
          id="complaint-what"
          rows={6}
          maxLength={MAX_COMPLAINT_TEXT}
          value={draft.description}
          {...described("complaint-what", e.description, "complaint-what-hint")}
          onInput={(event) => change({ description: event.currentTarget.value })}
        />
        {e.description && (
          <p class="field-error" id="complaint-what-error">
            {e.description}
          </p>
        )}
        <p class="field-hint" id="complaint-what-hint">
          {tv("whatHint")}
        </p>
      </div>
      <div class={`field${e.happenedOn ? " has-error" : ""}`}>
        <label for="complaint-when">{tv("whenLabel")}</label>
        <input
          id="complaint-when"
          type="date"
          min={earliestHappenedOn(today)}
          max={today}
          value={draft.happenedOn}
          {...described("complaint-when", e.happenedOn)}
          onInput={(event) => change({ happenedOn: event.currentTarget.value })}
        />
        {e.happenedOn && (
          <p class="field-error" id="complaint-when-error">
            {e.happenedOn}
          </p>
        )}
      </div>
    </section>
  );
}
