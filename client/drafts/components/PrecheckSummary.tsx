import type { PrecheckResult } from "../../../shared/precheck";
import { locale } from "../../i18n";
import { td } from "../messages";

/** The verdict at the top of the draft, in words a neighbour understands. */
export function PrecheckSummary({ result }: { result: PrecheckResult }) {
  const lang = locale.value;
  const ready = result.verdict === "ready";
  return (
    <section class={ready ? "card verdict ready" : "card verdict"} aria-live="polite" aria-labelledby="verdict-title">
      <h2 id="verdict-title">{ready ? td("precheckReady") : td("precheckNotReady", { count: result.toFix.length })}</h2>
      <p class="progress-text">{td("progress", { ok: result.counts.ok, total: result.counts.applicable })}</p>
      <progress max={result.counts.applicable} value={result.counts.ok} aria-hidden="true" />
      {!ready && (
        <ul class="to-fix">
          {result.toFix.slice(0, 8).map((reason) => (
            <li key={`${reason.code}-${reason.field ?? reason.requirementId ?? ""}`}>{reason.message[lang]}</li>
          ))}
          {result.toFix.length > 8 && <li>…</li>}
        </ul>
      )}
    </section>
  );
}
