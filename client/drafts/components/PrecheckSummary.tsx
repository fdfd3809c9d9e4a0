import type { Ref } from "preact";
import type { Guide } from "../../../shared/guide";
import type { PrecheckResult } from "../../../shared/precheck";
import { locale } from "../../i18n";
import { td } from "../messages";
import { reasonTargets } from "../reason-target";
import type { SentBackView } from "../sent-back";
import { OfficeReasons } from "./OfficeReasons";
import { ReasonLink } from "./ReasonLink";

interface Props {
  result: PrecheckResult;
  guide: Guide;
  /** The office sent the file back: its reasons lead, and it is not "ready" while a flag stands. */
  sentBack?: SentBackView | undefined;
  /** "Tandai siap diajukan" was tapped on a file that is not ready (a count, so each tap announces again). */
  blocked: number;
  summaryRef: Ref<HTMLElement>;
}

function heading(result: PrecheckResult, sentBack: SentBackView | undefined): { text: string; ready: boolean } {
  const standing = sentBack?.flags.filter((flag) => !flag.answered).length ?? 0;
  if (standing > 0) return { text: td("sentBackTitle", { count: standing }), ready: false };
  if (sentBack && sentBack.flags.length === 0 && sentBack.unchanged) {
    return { text: td("sentBackFileTitle"), ready: false };
  }
  if (result.verdict !== "ready") return { text: td("precheckNotReady", { count: result.toFix.length }), ready: false };
  return { text: td(sentBack ? "readyAgain" : "precheckReady"), ready: true };
}

/**
 * The verdict at the top of the draft, in words a neighbour understands: the
 * office's reasons first when it sent the file back, then every problem the
 * pre-check finds, each a link to where it is fixed.
 */
export function PrecheckSummary({ result, guide, sentBack, blocked, summaryRef }: Props) {
  const lang = locale.value;
  const { text, ready } = heading(result, sentBack);
  const notReady = result.verdict !== "ready";
  return (
    <section
      ref={summaryRef}
      id="precheck-summary"
      tabIndex={-1}
      class={ready ? "card verdict ready" : "card verdict"}
      aria-labelledby="verdict-title"
    >
      <h2 id="verdict-title">{text}</h2>
      {blocked > 0 && notReady && (
        <p key={blocked} class="verdict-alert" role="alert">
          {td("submitBlocked")}
        </p>
      )}
      {sentBack && <OfficeReasons view={sentBack} guide={guide} />}
      <p class="progress-text">{td("progress", { ok: result.counts.ok, total: result.counts.applicable })}</p>
      <progress max={result.counts.applicable} value={result.counts.ok} aria-hidden="true" />
      {notReady && (
        <ul class="to-fix">
          {result.toFix.map((reason) => (
            <li key={`${reason.code}-${reason.field ?? reason.requirementId ?? ""}`}>
              <ReasonLink targets={reasonTargets(reason)}>{reason.message[lang]}</ReasonLink>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
