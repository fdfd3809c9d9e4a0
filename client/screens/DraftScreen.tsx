import { useEffect, useState } from "preact/hooks";
import type { Guide } from "../../shared/guide";
import { isOutdated } from "../../shared/guide-changes";
import { dateDataFields } from "../../shared/precheck/eligibility";
import { reasonLabel } from "../../shared/review/reasons";
import type { Verdict } from "../../shared/sync/protocol";
import { SelfCheck } from "../components/SelfCheck";
import { type AttentionRow, localDb, type RemoteRow } from "../db/local-db";
import { ApplicantForm } from "../drafts/components/ApplicantForm";
import { Handover } from "../drafts/components/Handover";
import { OfficePicker } from "../drafts/components/OfficePicker";
import { PrecheckSummary } from "../drafts/components/PrecheckSummary";
import { RequirementCard } from "../drafts/components/RequirementCard";
import { ServerRefusal } from "../drafts/components/ServerRefusal";
import { VersionNotice } from "../drafts/components/VersionNotice";
import { handoverText } from "../drafts/handover-text";
import { td } from "../drafts/messages";
import { LOCKED, statusOf } from "../drafts/status";
import { draftRepository } from "../drafts/store";
import { useDraft } from "../drafts/use-draft";
import { locale } from "../i18n";
import { onLinkClick } from "../router";
import { syncView } from "../sync/state";

/** What the office said about one requirement, only while it is marked for fixing. */
function officeReviewOf(verdict: Verdict | null, requirementId: string) {
  const review = verdict?.requirements?.[requirementId];
  return review?.status === "needs-fix" ? review : undefined;
}

export function DraftScreen({ id }: { id: string }) {
  const lang = locale.value;
  const { state, draft, guide, latest, result, error, edit, run, moveToLatest } = useDraft(id);
  const [showAll, setShowAll] = useState(false);
  const [remote, setRemote] = useState<RemoteRow | undefined>(undefined);
  const [waiting, setWaiting] = useState(false);
  const [refusals, setRefusals] = useState<AttentionRow[]>([]);
  // The version the draft was on before the office's binding change moved it, for the change list.
  const [before, setBefore] = useState<Guide | null>(null);
  const [seen, setSeen] = useState(false);
  const lastSync = syncView.value.lastSyncAt?.getTime() ?? 0;
  const pending = syncView.value.pending;

  // The office's view of this file, refreshed after every sync.
  useEffect(() => {
    void localDb.remote.get(id).then(setRemote);
    void localDb.outbox
      .where("draftId")
      .equals(id)
      .count()
      .then((n) => setWaiting(n > 0));
    void localDb.attention.where("draftId").equals(id).toArray().then(setRefusals);
  }, [id, lastSync, pending, draft?.status]);

  // The office no longer takes the pinned version: move the draft now (the same rules as after a
  // sync, so a file the office already has stays where it is), then show it on the stored version.
  const outdated = !!latest && !!guide && isOutdated(latest, guide.version);
  useEffect(() => {
    if (!outdated || !latest) return;
    void (async () => {
      const { adoptBindingVersions } = await import("../drafts/binding");
      const moved = await adoptBindingVersions(localDb);
      const stored = await draftRepository.get(id);
      if (stored && stored.guideVersion >= latest.version) await moveToLatest(latest);
      if (moved.length > 0) void import("../sync/runner").then(({ requestSync }) => requestSync());
    })();
  }, [id, outdated, latest?.version]);

  const officeChange = seen ? undefined : draft?.officeChange;
  useEffect(() => {
    if (!officeChange || !guide) {
      setBefore(null);
      return;
    }
    void draftRepository
      .pinnedGuide({ guideId: guide.id, guideVersion: officeChange.from })
      .then((old) => setBefore(old ?? null));
  }, [guide?.id, officeChange?.from]);

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
  const dateFields = dateDataFields(guide);
  const officeVerdict = (remote?.verdict ?? null) as Verdict | null;
  const locked = !!remote && LOCKED.has(remote.status) && draft.status !== "draft";
  const status = statusOf(draft, remote, waiting, syncView.value.running);
  return (
    <article class="draft">
      <a class="back-link no-print" href="/berkas" onClick={onLinkClick}>
        ← {td("allDrafts")}
      </a>
      <h1>{guide.title[lang]}</h1>
      <p class="muted small">
        <span class={`status-pill ${status.tone}`} data-testid="draft-status">
          {td(status.key)}
        </span>{" "}
        {td("pinnedVersion", { version: guide.version })}
      </p>
      {error && (
        <p class="card error-banner" role="alert">
          {td(error)}
        </p>
      )}
      {officeChange && before && officeChange.to === guide.version && (
        <VersionNotice
          pinned={before}
          latest={guide}
          office={{
            ready: draft.status === "ready",
            onSeen: () => {
              setSeen(true);
              void draftRepository.acknowledgeOfficeChange(id);
            },
          }}
        />
      )}
      {latest && !locked && !outdated && (
        <VersionNotice pinned={guide} latest={latest} onMove={() => void moveToLatest(latest)} />
      )}
      {outdated && !locked && (
        <p class="card notice" role="status">
          {td("outdatedVersion")}
        </p>
      )}
      <ServerRefusal rows={refusals} guide={guide} />
      {locked && (
        <p class="card notice" role="status">
          {td("lockedNotice")}
        </p>
      )}
      {(officeVerdict?.reasonCode || officeVerdict?.reason) && (
        <div class="card notice" role="status">
          {officeVerdict.reasonCode && (
            <p>{td("officeReason", { reason: reasonLabel(officeVerdict.reasonCode, lang) })}</p>
          )}
          {officeVerdict.reason && <p>{td("officeNote", { note: officeVerdict.reason })}</p>}
        </div>
      )}
      <PrecheckSummary result={result} />
      <fieldset class="plain-fieldset" disabled={locked}>
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
                  officeReview={officeReviewOf(officeVerdict, requirement.id)}
                  isDate={dateFields.has(requirement.id)}
                />
              ) : null;
            })}
          </ul>
        </section>
      </fieldset>

      <section class="card ready-box no-print">
        {locked ? null : draft.status === "ready" ? (
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
              aria-disabled={!ready || outdated}
              onClick={() => {
                // A version the office no longer takes: the move above comes first.
                if (outdated) return;
                if (!ready) {
                  setShowAll(true);
                  return;
                }
                void run(() =>
                  draftRepository.update(id, "marked-ready", (d) => {
                    d.status = "ready";
                  }),
                ).then(() => import("../sync/runner").then(({ requestSync }) => requestSync()));
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
