import { useState } from "preact/hooks";
import type { ApplicationDetail, VerdictRequest } from "../../../shared/api/console";
import type { Guide } from "../../../shared/guide";
import { FIX_REASONS, REJECT_REASONS, reasonLabel } from "../../../shared/review/reasons";
import { allowedDecisions } from "../../../shared/review/workflow";
import { guidesById } from "../../catalogue/store";
import { formatDateTime } from "../../format";
import { locale } from "../../i18n";
import { onLinkClick } from "../../router";
import { ApiFailure, api } from "../api";
import { ErrorNote, Status } from "../components/Notice";
import { PhotoViewer } from "../components/PhotoViewer";
import { villageName } from "../lookups";
import { type ConsoleMessageKey, tc } from "../messages";
import { consolePaths } from "../routes";
import { useLoad } from "../use-load";

type Decision = VerdictRequest["decision"];

interface ReqReview {
  status: "" | "accepted" | "needs-fix";
  reasonCode: string;
  note: string;
}

export function ApplicationScreen({ id }: { id: string }) {
  const url = `/api/console/applications/${id}`;
  const detail = useLoad(url, () => api<ApplicationDetail>("GET", url));
  return (
    <section aria-labelledby="application-title">
      <a class="back-link" href={consolePaths.queue} onClick={onLinkClick}>
        ← {tc("backToQueue")}
      </a>
      {detail.loading && !detail.data && <p class="muted">{tc("loading")}</p>}
      {detail.error !== null && <ErrorNote error={detail.error} onRetry={detail.reload} />}
      {detail.data && <ApplicationView app={detail.data} reload={detail.reload} />}
    </section>
  );
}

function ApplicationView({ app, reload }: { app: ApplicationDetail; reload: () => void }) {
  const lang = locale.value;
  const guide = guidesById.value.get(app.guideId);
  const content = app.content;
  const requirementIds = requirementsOf(app, guide);
  const labelOf = (reqId: string) => guide?.requirements.find((r) => r.id === reqId)?.label[lang] ?? reqId;
  const a = content.applicant;
  return (
    <>
      <h1 id="application-title">{tc("applicationTitle", { name: a.fullName || "—" })}</h1>
      <p class="muted small">
        {guide?.title[lang] ?? app.guideId} · {tc("guideVersion", { version: app.guideVersion })} ·{" "}
        <span class={`status-tag status-${app.status}`} data-testid="application-status">
          {tc(`status.${app.status}` as ConsoleMessageKey)}
        </span>
      </p>
      {app.verdict && (
        <p class="notice">
          {tc("currentVerdict", { decision: tc(`decision.${app.verdict.decision}` as ConsoleMessageKey) })}
          {app.verdict.reasonCode ? ` — ${reasonLabel(app.verdict.reasonCode, lang)}` : ""}
          {app.verdict.reason ? ` — ${app.verdict.reason}` : ""}
        </p>
      )}

      <div class="console-columns">
        <div>
          <section class="card" aria-labelledby="applicant-title">
            <h2 id="applicant-title">{tc("applicantTitle")}</h2>
            <dl class="console-facts">
              <Fact label={tc("fullName")} value={a.fullName} />
              <Fact label={tc("nik")} value={a.nik} />
              <Fact label={tc("kk")} value={a.kk} />
              <Fact label={tc("birthDate")} value={a.birthDate ? formatDate(a.birthDate, lang) : ""} />
              <Fact label={tc("sex")} value={a.sex ? tc(a.sex) : ""} />
              <Fact label={tc("phone")} value={a.phone} />
              <Fact
                label={tc("address")}
                value={`${a.address.street} RT ${a.address.rt}/RW ${a.address.rw}, ${villageName(a.address.villageCode)}`}
              />
            </dl>
          </section>

          {Object.keys(content.answers).length > 0 && (
            <section class="card" aria-labelledby="answers-title">
              <h2 id="answers-title">{tc("answersTitle")}</h2>
              <dl class="console-facts">
                {Object.entries(content.answers).map(([questionId, value]) => {
                  const question = guide?.questions.find((q) => q.id === questionId);
                  const shown =
                    typeof value === "boolean"
                      ? tc(value ? "yes" : "no")
                      : question?.kind === "choice"
                        ? (question.options.find((o) => o.value === value)?.label[lang] ?? value)
                        : value;
                  return <Fact key={questionId} label={question?.text[lang] ?? questionId} value={shown} />;
                })}
              </dl>
            </section>
          )}

          <section class="card" aria-labelledby="precheck-title" data-testid="server-precheck">
            <h2 id="precheck-title">{tc("precheckTitle")}</h2>
            <p class={app.precheck.verdict === "ready" ? "precheck-ok" : "warning"}>
              {tc(app.precheck.verdict === "ready" ? "precheckReady" : "precheckNotReady")}
            </p>
            <ul class="plain-list small">
              {app.precheck.applicant.map((issue) => (
                <li key={issue.code}>{issue.message[lang]}</li>
              ))}
              {app.precheck.requirements
                .filter((r) => r.reasons.length > 0)
                .flatMap((r) =>
                  r.reasons.map((reason) => (
                    <li key={`${r.requirementId}-${reason.code}`}>
                      <strong>{labelOf(r.requirementId)}:</strong> {reason.message[lang]}
                    </li>
                  )),
                )}
            </ul>
          </section>

          <section class="card" aria-labelledby="history-title">
            <h2 id="history-title">{tc("historyTitle")}</h2>
            <ol class="console-history small">
              {app.history.map((event, index) => (
                <li key={index}>
                  <time dateTime={event.at}>{formatDateTime(new Date(event.at), lang)}</time>{" "}
                  {tc(`event.${event.kind}` as ConsoleMessageKey)}
                  {event.status ? ` → ${tc(`status.${event.status}` as ConsoleMessageKey)}` : ""}
                  {event.actorName ? ` (${event.actorName})` : ""}
                </li>
              ))}
            </ol>
          </section>
        </div>

        <ReviewForm app={app} requirementIds={requirementIds} labelOf={labelOf} reload={reload} />
      </div>
    </>
  );
}

/** A calendar date (YYYY-MM-DD) as people read it, without a time zone shift. */
function formatDate(date: string, lang: "id" | "en"): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  return new Intl.DateTimeFormat(lang === "en" ? "en-ID" : "id-ID", { dateStyle: "long", timeZone: "UTC" }).format(
    parsed,
  );
}

function requirementsOf(app: ApplicationDetail, guide: Guide | undefined): string[] {
  const ids = new Set<string>(guide?.requirements.map((r) => r.id) ?? []);
  for (const r of app.precheck.requirements) ids.add(r.requirementId);
  for (const key of Object.keys(app.content.documents)) ids.add(key);
  for (const key of Object.keys(app.content.data)) ids.add(key);
  // Requirements that do not apply to this applicant and hold nothing are left out.
  const notApplicable = new Set(
    app.precheck.requirements.filter((r) => r.status === "not-applicable").map((r) => r.requirementId),
  );
  return [...ids].filter(
    (reqId) =>
      !notApplicable.has(reqId) ||
      (app.content.documents[reqId]?.pages.length ?? 0) > 0 ||
      app.content.data[reqId] !== undefined,
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value || tc("none")}</dd>
    </div>
  );
}

function ReviewForm({
  app,
  requirementIds,
  labelOf,
  reload,
}: {
  app: ApplicationDetail;
  requirementIds: string[];
  labelOf: (id: string) => string;
  reload: () => void;
}) {
  const lang = locale.value;
  const [reviews, setReviews] = useState<Record<string, ReqReview>>(() =>
    Object.fromEntries(
      requirementIds.map((reqId) => {
        const previous = app.verdict?.requirements[reqId];
        return [
          reqId,
          { status: previous?.status ?? "", reasonCode: previous?.reasonCode ?? "", note: previous?.reason ?? "" },
        ];
      }),
    ),
  );
  const [decision, setDecision] = useState<Decision | "">("");
  const [reasonCode, setReasonCode] = useState("");
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A file is received before it is judged (the office has it in hand); the rest follows the shared rules.
  const decisions = app.status === "submitted" ? [] : allowedDecisions(app.status);
  const decidable = decisions.length > 0;

  function update(reqId: string, change: Partial<ReqReview>) {
    setReviews({ ...reviews, [reqId]: { ...(reviews[reqId] ?? { status: "", reasonCode: "", note: "" }), ...change } });
  }

  async function run(action: () => Promise<unknown>, done: string) {
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      await action();
      setStatus(done);
      reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  function submit(event: Event) {
    event.preventDefault();
    setProblem(null);
    if (!decision) return;
    const requirements: VerdictRequest["requirements"] = {};
    for (const [reqId, review] of Object.entries(reviews)) {
      if (review.status === "accepted") requirements[reqId] = { status: "accepted" };
      if (review.status === "needs-fix") {
        if (!review.reasonCode) return setProblem(tc("fixNeedsReason"));
        requirements[reqId] = {
          status: "needs-fix",
          reasonCode: review.reasonCode as keyof typeof FIX_REASONS,
          ...(review.note.trim() ? { note: review.note.trim() } : {}),
        };
      }
    }
    const fixes = Object.values(requirements).filter((r) => r.status === "needs-fix").length;
    if (decision === "needs-fix" && fixes === 0 && !reasonCode) return setProblem(tc("needFixOne"));
    if (decision === "rejected" && !reasonCode) return setProblem(tc("rejectNeedsReason"));
    if ((decision === "verified" || decision === "approved") && fixes > 0) return setProblem(tc("stillFixes"));
    const body = {
      expectedVersion: app.version,
      decision,
      ...((decision === "rejected" || decision === "needs-fix") && reasonCode ? { reasonCode } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
      requirements,
    };
    void run(() => api("POST", `/api/console/applications/${app.id}/verdict`, body), tc("verdictSent"));
  }

  const conflict = error instanceof ApiFailure && error.code === "version_conflict";
  return (
    <form class="review-form" onSubmit={submit} aria-labelledby="requirements-title">
      <section class="card">
        <h2 id="requirements-title">{tc("requirementsTitle")}</h2>
        {app.status === "submitted" && (
          <button
            type="button"
            class="button primary wide"
            disabled={busy}
            data-testid="receive-button"
            onClick={() =>
              void run(
                () => api("POST", `/api/console/applications/${app.id}/receive`, { expectedVersion: app.version }),
                tc("received"),
              )
            }
          >
            {tc("receive")}
          </button>
        )}
        <ol class="review-requirements">
          {requirementIds.map((reqId) => {
            const documents = app.content.documents[reqId];
            const data = app.content.data[reqId];
            const review = reviews[reqId] ?? { status: "", reasonCode: "", note: "" };
            const pre = app.precheck.requirements.find((r) => r.requirementId === reqId);
            const label = labelOf(reqId);
            return (
              <li key={reqId} class="review-requirement" data-testid={`requirement-${reqId}`}>
                <h3>{label}</h3>
                {pre && pre.reasons.length > 0 && (
                  <p class="warning small">{pre.reasons.map((r) => r.message[lang]).join(" ")}</p>
                )}
                {data !== undefined && <p>{tc("dataValue", { value: data })}</p>}
                {documents?.issuedOn && <p class="small">{tc("issuedOn", { date: documents.issuedOn })}</p>}
                {(documents?.pages ?? []).map((page, index) =>
                  page.sha256 ? (
                    page.mime === "application/pdf" ? (
                      <p key={page.blobId}>
                        <a
                          href={`/api/console/applications/${app.id}/files/${page.sha256}`}
                          target="_blank"
                          rel="noopener"
                        >
                          {tc("pdfLink", { n: index + 1 })}
                        </a>
                      </p>
                    ) : (
                      <PhotoViewer
                        key={page.blobId}
                        src={`/api/console/applications/${app.id}/files/${page.sha256}`}
                        alt={tc("photoAlt", { label, n: index + 1 })}
                        testId={`photo-${reqId}-${index}`}
                      />
                    )
                  ) : null,
                )}
                {!documents?.pages.length && data === undefined && <p class="muted small">{tc("noPages")}</p>}
                {decidable && (
                  <fieldset class="review-verdict" data-testid={`req-verdict-${reqId}`}>
                    <legend>{tc("reqVerdictLabel")}</legend>
                    <label class="choice">
                      <input
                        type="radio"
                        name={`req-${reqId}`}
                        value="accepted"
                        checked={review.status === "accepted"}
                        onChange={() => update(reqId, { status: "accepted" })}
                        data-testid={`req-accept-${reqId}`}
                      />
                      {tc("accepted")}
                    </label>
                    <label class="choice">
                      <input
                        type="radio"
                        name={`req-${reqId}`}
                        value="needs-fix"
                        checked={review.status === "needs-fix"}
                        onChange={() => update(reqId, { status: "needs-fix" })}
                        data-testid={`req-fix-${reqId}`}
                      />
                      {tc("needsFix")}
                    </label>
                    {review.status === "needs-fix" && (
                      <>
                        <div class="field">
                          <label for={`req-reason-${reqId}`}>{tc("fixReason")}</label>
                          <select
                            id={`req-reason-${reqId}`}
                            value={review.reasonCode}
                            required
                            onChange={(event) => update(reqId, { reasonCode: event.currentTarget.value })}
                            data-testid={`req-reason-${reqId}`}
                          >
                            <option value="">{tc("chooseReason")}</option>
                            {Object.entries(FIX_REASONS).map(([code, text]) => (
                              <option key={code} value={code}>
                                {text[lang]}
                              </option>
                            ))}
                          </select>
                        </div>
                        <div class="field">
                          <label for={`req-note-${reqId}`}>{tc("note")}</label>
                          <input
                            id={`req-note-${reqId}`}
                            maxLength={1000}
                            value={review.note}
                            onInput={(event) => update(reqId, { note: event.currentTarget.value })}
                            data-testid={`req-note-${reqId}`}
                          />
                        </div>
                      </>
                    )}
                  </fieldset>
                )}
              </li>
            );
          })}
        </ol>
      </section>

      {decidable && (
        <section class="card decision-box" aria-labelledby="decision-title">
          <h2 id="decision-title">{tc("decisionTitle")}</h2>
          <div class="field">
            <label for="overall-decision">{tc("decision")}</label>
            <select
              id="overall-decision"
              data-testid="overall-decision"
              value={decision}
              required
              onChange={(event) => {
                setDecision(event.currentTarget.value as Decision);
                setReasonCode("");
              }}
            >
              <option value="">{tc("chooseReason")}</option>
              {decisions.map((d) => (
                <option key={d} value={d}>
                  {tc(`decision.${d}` as ConsoleMessageKey)}
                </option>
              ))}
            </select>
          </div>
          {(decision === "rejected" || decision === "needs-fix") && (
            <div class="field">
              <label for="overall-reason">{tc(decision === "rejected" ? "rejectReason" : "fixReason")}</label>
              <select
                id="overall-reason"
                data-testid="overall-reason"
                value={reasonCode}
                required={decision === "rejected"}
                onChange={(event) => setReasonCode(event.currentTarget.value)}
              >
                <option value="">{tc("chooseReason")}</option>
                {Object.entries(decision === "rejected" ? REJECT_REASONS : FIX_REASONS).map(([code, text]) => (
                  <option key={code} value={code}>
                    {text[lang]}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div class="field">
            <label for="overall-note">{tc("overallNote")}</label>
            <textarea
              id="overall-note"
              data-testid="overall-note"
              maxLength={1000}
              rows={3}
              value={note}
              onInput={(event) => setNote(event.currentTarget.value)}
            />
          </div>
          {problem && (
            <p class="field-error" role="alert">
              {problem}
            </p>
          )}
          <button type="submit" class="button primary" disabled={busy || !decision} data-testid="submit-verdict">
            {tc("submitVerdict")}
          </button>
        </section>
      )}
      {error !== null && <ErrorNote error={error} onRetry={conflict ? reload : undefined} />}
      <Status text={status} />
    </form>
  );
}
