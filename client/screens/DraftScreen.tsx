import { useEffect, useState } from "preact/hooks";
import { SelfCheck } from "../components/SelfCheck";
import { ApplicantForm } from "../drafts/components/ApplicantForm";
import { Handover } from "../drafts/components/Handover";
import { OfficePicker } from "../drafts/components/OfficePicker";
import { PrecheckSummary } from "../drafts/components/PrecheckSummary";
import { RequirementCard } from "../drafts/components/RequirementCard";
import { VersionNotice } from "../drafts/components/VersionNotice";
import { handoverText } from "../drafts/handover-text";
import { td } from "../drafts/messages";
import { draftRepository } from "../drafts/store";
import { useDraft } from "../drafts/use-draft";
import { locale } from "../i18n";
import { onLinkClick } from "../router";

export function DraftScreen({ id }: { id: string }) {
  const lang = locale.value;
  const { state, draft, guide, latest, result, error, edit, run, moveToLatest } = useDraft(id);
  const [showAll, setShowAll] = useState(false);

  useEffect(() => {
    if (guide) document.title = `${td("navDraftsTitle")} — ${guide.title[lang]}`;
  }, [guide, lang]);

  if (state === "loading") return null;
  if (state === "missing" || !draft || !guide || !result) {
    return (
      <section class="card">
        <h1>{td("draftNotFound")}</h1>
        <a href="/berkas" onClick={onLinkClick}>
          ← {td("allDrafts")}
        </a>
      </section>
    );
  }

  const ready = result.verdict === "ready";
  const verdicts = new Map(result.requirements.map((v) => [v.requirementId, v]));
  return (
    <article class="draft">
      <a class="back-link no-print" href="/berkas" onClick={onLinkClick}>
        ← {td("allDrafts")}
      </a>
      <h1>{guide.title[lang]}</h1>
      <p class="muted small">
        <span class={`status-pill ${draft.status}`}>
          {td(draft.status === "ready" ? "statusReady" : "statusDraft")}
        </span>{" "}
        {td("pinnedVersion", { version: guide.version })}
      </p>
      {error && (
        <p class="card error-banner" role="alert">
          {td(error)}
        </p>
      )}
      {latest && <VersionNotice pinned={guide} latest={latest} onMove={() => void moveToLatest(latest)} />}
      <PrecheckSummary result={result} />

      <ApplicantForm draft={draft} reasons={result.applicant} showAll={showAll} edit={edit} />
      {guide.residency && <OfficePicker guide={guide} draft={draft} edit={edit} />}

      {guide.questions.length > 0 && (
        <SelfCheck
          guide={guide}
          answers={draft.answers}
          title={td("questionsTitle")}
          onAnswer={(question, value) =>
            edit(`answers.${question}`, (d) => {
              d.answers[question] = value;
            })
          }
          onReset={() =>
            edit("answers", (d) => {
              d.answers = {};
            })
          }
        />
      )}

      <section aria-labelledby="requirements-title">
        <h2 id="requirements-title" class="section-title">
          {td("requirementsTitle")}
        </h2>
        <ul class="requirement-cards">
          {guide.requirements.map((requirement) => {
            const verdict = verdicts.get(requirement.id);
            return verdict ? (
              <RequirementCard
                key={requirement.id}
                draft={draft}
                requirement={requirement}
                verdict={verdict}
                edit={edit}
                run={run}
              />
            ) : null;
          })}
        </ul>
      </section>

      <section class="card ready-box no-print">
        {draft.status === "ready" ? (
          <>
            <p role="status">{td("markedReady")}</p>
            <button
              type="button"
              class="button small"
              onClick={() =>
                edit("marked-draft", (d) => {
                  d.status = "draft";
                })
              }
            >
              {td("backToDraft")}
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              class="button primary"
              aria-disabled={!ready}
              onClick={() => {
                if (!ready) {
                  setShowAll(true);
                  return;
                }
                void run(() =>
                  draftRepository.update(id, "marked-ready", (d) => {
                    d.status = "ready";
                  }),
                );
              }}
            >
              {td("markReady")}
            </button>
            {!ready && <p class="muted small">{td("markReadyHint")}</p>}
          </>
        )}
      </section>

      <Handover guide={guide} draft={draft} result={result} />
      {/* What "Cetak ringkasan" puts on paper: the same summary as the shared text. */}
      <pre class="print-only handover-print">{handoverText(guide, draft, result, lang)}</pre>
    </article>
  );
}
