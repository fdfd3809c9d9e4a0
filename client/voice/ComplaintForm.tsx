import { useEffect, useState } from "preact/hooks";
import { MAX_TRACKING_INPUT } from "../../shared/api/complaints";
import { asksAmount, COMPLAINT_CATEGORIES, COMPLAINT_CATEGORY_LABELS } from "../../shared/complaints/categories";
import { pick } from "../../shared/text";
import { locale } from "../i18n";
import { EvidenceFields } from "./EvidenceFields";
import { FeeFields } from "./FeeFields";
import { tv } from "./messages";
import { ServiceSelect } from "./Pickers";
import { PlaceFields } from "./PlaceFields";
import { SwitchesFields } from "./SwitchesFields";
import { type ComplaintDraft, type ComplaintField, complaintProblems } from "./validate";
import { described, WhatWhenFields } from "./WhatWhenFields";

interface Props {
  initial: ComplaintDraft;
  today: string;
  busy: boolean;
  onSubmit: (draft: ComplaintDraft) => void;
}

/** Where focus goes for each field's problem. */
const FOCUS: Record<ComplaintField, string> = {
  description: "complaint-what",
  happenedOn: "complaint-when",
  place: "complaint-district",
  trackingNumber: "complaint-number",
  category: "complaint-category",
  amount: "complaint-amount",
};

/** What happened, when, where, about which service or file, what kind, and the two switches. */
export function ComplaintForm({ initial, today, busy, onSubmit }: Props) {
  const [draft, setDraft] = useState(initial);
  // Shown after the first submit, computed on each render: they follow the draft and the language.
  const [checked, setChecked] = useState(false);
  const lang = locale.value;
  // The cadre's account loads after the first render: their kecamatan fills the place if still empty.
  useEffect(() => {
    if (initial.kecamatanCode) setDraft((d) => (d.kecamatanCode ? d : { ...d, kecamatanCode: initial.kecamatanCode }));
  }, [initial.kecamatanCode]);
  const change = (next: Partial<ComplaintDraft>) => {
    setDraft({ ...draft, ...next });
  };
  const submit = (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const found = complaintProblems(draft, today);
    const fields = Object.keys(found) as ComplaintField[];
    setChecked(true);
    if (fields.length > 0) {
      const first = document.getElementById(FOCUS[fields[0] as ComplaintField]);
      first?.focus();
      first?.scrollIntoView({ block: "center" });
      return;
    }
    onSubmit(draft);
  };
  const e = checked ? complaintProblems(draft, today) : {};
  const count = Object.keys(e).length;
  return (
    <form class="voice-form" onSubmit={submit} noValidate>
      <WhatWhenFields draft={draft} errors={e} today={today} change={change} />
      <PlaceFields draft={draft} error={e.place} change={change} />
      <section class="card">
        <div class={`field${e.category ? " has-error" : ""}`}>
          <label for="complaint-category">{tv("categoryLabel")}</label>
          <select
            id="complaint-category"
            value={draft.category}
            {...described("complaint-category", e.category)}
            onChange={(event) => change({ category: event.currentTarget.value as ComplaintDraft["category"] })}
          >
            <option value="">{tv("choose")}</option>
            {COMPLAINT_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {pick(COMPLAINT_CATEGORY_LABELS[category], lang)}
              </option>
            ))}
          </select>
          {e.category && (
            <p class="field-error" id="complaint-category-error">
              {e.category}
            </p>
          )}
        </div>
        <div class="field">
          <label for="complaint-service">{tv("complaintServiceLabel")}</label>
          <ServiceSelect id="complaint-service" value={draft.guideId} onChange={(guideId) => change({ guideId })} />
        </div>
        {draft.category && asksAmount(draft.category) && (
          <FeeFields
            amount={draft.amount}
            guideId={draft.guideId}
            error={e.amount}
            onChange={(amount) => change({ amount })}
          />
        )}
        <div class={`field${e.trackingNumber ? " has-error" : ""}`}>
          <label for="complaint-number">{tv("numberLabel")}</label>
          <input
            id="complaint-number"
            type="text"
            autoCapitalize="characters"
            autoComplete="off"
            spellcheck={false}
            maxLength={MAX_TRACKING_INPUT}
            class="tracking-input"
            value={draft.trackingNumber}
            {...described("complaint-number", e.trackingNumber, "complaint-number-hint")}
            onInput={(event) => change({ trackingNumber: event.currentTarget.value })}
          />
          {e.trackingNumber && (
            <p class="field-error" id="complaint-number-error">
              {e.trackingNumber}
            </p>
          )}
          <p class="field-hint" id="complaint-number-hint">
            {tv("numberHint")}
            {draft.anonymous && (
              <>
                {" "}
                <span data-testid="complaint-number-anonymous">{tv("numberAnonymous")}</span>
              </>
            )}
          </p>
        </div>
        <EvidenceFields
          photos={draft.evidence}
          anonymous={draft.anonymous}
          onChange={(evidence) => change({ evidence })}
        />
      </section>
      <SwitchesFields draft={draft} change={change} />
      <p class={count > 0 ? "card error-banner" : "visually-hidden"} role="alert" data-testid="complaint-problems">
        {count > 0 ? tv("fixErrors", { count }) : ""}
      </p>
      <button type="submit" class="button primary wide voice-submit" aria-disabled={busy ? "true" : undefined}>
        {tv("submitComplaint")}
      </button>
    </form>
  );
}
