import "../tracking-styles.css";
import "./voice-styles.css";
import { useEffect, useState } from "preact/hooks";
import { parseTrackingNumber, type TrackingNumber } from "../../shared/tracking/number";
import { account } from "../account/session";
import { LookupPage } from "../tracking/LookupPage";
import { type FileContext, fileContext } from "./file-context";
import { flushVoiceOutbox, keepStorage, startVoiceTriggers } from "./flush";
import { tv } from "./messages";
import { enqueue, surveyFor, type VoiceItem } from "./outbox";
import { SurveyForm } from "./SurveyForm";
import { SurveyThanks } from "./SurveyThanks";
import { buildSurvey, type SurveyDraft } from "./validate";

/**
 * The satisfaction survey (SKM), answered by the citizen: handed the cadre's
 * phone after the office's decision (/survei/<number>), on their own phone
 * from /lacak, or at the office without a file (/survei). Shows only the
 * service, the office and the number: nothing about the cadre or the applicant.
 */
export function SurveyScreen({ number }: { number: string | null }) {
  const parsed = number === null ? null : parseTrackingNumber(number);
  if (parsed && !parsed.ok) return <LookupPage initial={number ?? ""} />;
  return <Survey number={parsed?.number ?? null} />;
}

function Survey({ number }: { number: TrackingNumber | null }) {
  const [context, setContext] = useState<FileContext | null>(null);
  const [item, setItem] = useState<VoiceItem | null | undefined>(number ? undefined : null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    document.title = `${tv("surveyTitle")} — Masdarin`;
    startVoiceTriggers();
    if (!number) return;
    void fileContext(number).then(setContext);
    void surveyFor(number)
      .catch(() => undefined)
      .then((row) => setItem(row ?? null));
  }, [number]);

  const submit = async (draft: SurveyDraft) => {
    setBusy(true);
    setFailed(false);
    try {
      const body = buildSurvey(draft, {
        id: crypto.randomUUID(),
        trackingNumber: number,
        channel: account.value ? "cadre-phone" : "citizen-phone",
        now: new Date(),
      });
      const saved = await enqueue("survey", body, new Date());
      setItem(saved);
      window.scrollTo(0, 0);
      keepStorage();
      void flushVoiceOutbox();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="voice">
      <h1>{tv("surveyTitle")}</h1>
      {number && (
        <dl class="card lacak-facts voice-context" data-testid="survey-context">
          <div>
            <dt>{tv("surveyFor")}</dt>
            <dd class="tracking-number" translate={false}>
              {number}
            </dd>
          </div>
          {context?.service && (
            <div>
              <dt>{tv("serviceLabel")}</dt>
              <dd>{context.service}</dd>
            </div>
          )}
          {context?.office && (
            <div>
              <dt>{tv("officeLabel")}</dt>
              <dd>{context.office}</dd>
            </div>
          )}
        </dl>
      )}
      {item ? (
        <SurveyThanks item={item} number={number} onDiscarded={() => setItem(null)} />
      ) : item === null ? (
        <>
          <p class="lead">{tv("surveyIntro")}</p>
          {failed && (
            <p class="card error-banner" role="alert">
              {tv("saveFailed")}
            </p>
          )}
          <SurveyForm needsOffice={!number} busy={busy} onSubmit={(draft) => void submit(draft)} />
        </>
      ) : null}
    </div>
  );
}
