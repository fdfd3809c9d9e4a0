import "../tracking-styles.css";
import { useEffect, useRef, useState } from "preact/hooks";
import { SelfCheck } from "../components/SelfCheck";
import { ApplicantForm } from "../drafts/components/ApplicantForm";
import { Handover } from "../drafts/components/Handover";
import { HandoverSheet } from "../drafts/components/HandoverSheet";
import { OfficePicker } from "../drafts/components/OfficePicker";
import { PrecheckSummary } from "../drafts/components/PrecheckSummary";
import { ReadyBox } from "../drafts/components/ReadyBox";
import { RequirementsSection } from "../drafts/components/RequirementsSection";
import { ScrubbedFile } from "../drafts/components/ScrubbedFile";
import { ServerRefusal } from "../drafts/components/ServerRefusal";
import { TrackingCard } from "../drafts/components/TrackingCard";
import { VersionNotice } from "../drafts/components/VersionNotice";
import { handoverText } from "../drafts/handover-text";
import { td } from "../drafts/messages";
import { sentBackView } from "../drafts/sent-back";
import { LOCKED, statusOf } from "../drafts/status";
import { draftRepository } from "../drafts/store";
import { clockViewOf, statusLink, useClosedDates } from "../drafts/tracking";
import { useBindingMove } from "../drafts/use-binding-move";
import { useDraft } from "../drafts/use-draft";
import { useOfficeView } from "../drafts/use-office-view";
import { locale } from "../i18n";
import { onLinkClick } from "../router";
import { syncView } from "../sync/state";

export function DraftScreen({ id }: { id: string }) {
  const lang = locale.value;
  const { state, draft, guide, latest, result, error, edit, run, moveToLatest } = useDraft(id);
  const [showAll, setShowAll] = useState(false);
  // Taps on "Tandai siap diajukan" while not ready: each one announces the summary again.
  const [blocked, setBlocked] = useState(0);
  const summary = useRef<HTMLElement>(null);
  const office = useOfficeView(id, draft?.status);
  const closed = useClosedDates();
  // A binding guide version: moved by the hook unless the office already has the file (the shared rule).
  const binding = useBindingMove({ id, draft, guide, latest, facts: office?.facts ?? null, moveToLatest });

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
  const remote = office?.remote;
  const sentBack = sentBackView(guide, draft, remote);
  const locked = !!remote && LOCKED.has(remote.status) && draft.status !== "draft";
  const status = statusOf(draft, remote, office?.waiting ?? false, syncView.value.running);
  const number = remote?.trackingNumber ?? null;
  const clock = clockViewOf(remote?.clock, closed, new Date());
  const tracking = number ? { number, link: statusLink(number, location.origin) } : undefined;
  // The phone removed the applicant's data after the office's decision: the service, status and number remain.
  if (draft.scrubbedAt) {
    return (
      <ScrubbedFile draft={draft} remote={remote} serviceTitle={guide.title[lang]} status={status} clock={clock} />
    );
  }
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
      {binding.movedFrom && (
        <VersionNotice
          pinned={binding.movedFrom}
          latest={guide}
          office={{ ready: draft.status === "ready", onSeen: binding.acknowledge }}
        />
      )}
      {latest && !locked && binding.mustMove === false && (
        <VersionNotice pinned={guide} latest={latest} onMove={() => void moveToLatest(latest)} />
      )}
      {binding.mustMove && !locked && (
        <p class="card notice" role="status">
          {td("outdatedVersion")}
        </p>
      )}
      {number && remote && (
        <TrackingCard number={number} remote={remote} clock={clock} serviceTitle={guide.title[lang]} />
      )}
      <ServerRefusal rows={office?.refusals ?? []} guide={guide} />
      {locked && (
        <p class="card notice" role="status">
          {td("lockedNotice")}
        </p>
      )}
      <PrecheckSummary result={result} guide={guide} sentBack={sentBack} blocked={blocked} summaryRef={summary} />
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

        <RequirementsSection
          guide={guide}
          draft={draft}
          result={result}
          flags={sentBack?.flags ?? []}
          showAll={showAll}
          edit={edit}
          run={run}
        />
      </fieldset>

      <ReadyBox
        status={draft.status}
        locked={locked}
        ready={ready}
        mustMove={binding.mustMove}
        askFirst={!!sentBack?.unchanged}
        onNotReady={() => {
          setShowAll(true);
          setBlocked((count) => count + 1);
          // Focus first, then the alert inside it speaks once; every item is a link to its field or card.
          summary.current?.focus({ preventScroll: true });
          summary.current?.scrollIntoView({ block: "start" });
        }}
        onSubmit={() =>
          void run(() =>
            draftRepository.update(id, "marked-ready", (d) => {
              d.status = "ready";
            }),
          ).then(() => import("../sync/runner").then(({ requestSync }) => requestSync()))
        }
        onBackToDraft={() =>
          edit("marked-draft", (d) => {
            d.status = "draft";
          })
        }
      />

      <Handover guide={guide} draft={draft} result={result} tracking={tracking} />
      <HandoverSheet
        summary={handoverText(guide, draft, result, lang)}
        tracking={number && remote ? { number, remote, clock, asOf: syncView.value.lastSyncAt } : null}
      />
    </article>
  );
}
