import type { ServerPrecheck } from "../../../../shared/api/console";
import { locale } from "../../../i18n";
import { tc } from "../../messages";

/** The server's own pre-check over the stored file, as it ran at submission. */
export function PrecheckCard({ precheck, labelOf }: { precheck: ServerPrecheck; labelOf: (id: string) => string }) {
  const lang = locale.value;
  return (
    <section class="card" aria-labelledby="precheck-title" data-testid="server-precheck">
      <h2 id="precheck-title">{tc("precheckTitle")}</h2>
      <p class={precheck.verdict === "ready" ? "precheck-ok" : "warning"}>
        {tc(precheck.verdict === "ready" ? "precheckReady" : "precheckNotReady")}
      </p>
      <ul class="plain-list small">
        {precheck.applicant.map((issue) => (
          <li key={issue.code}>{issue.message[lang]}</li>
        ))}
        {precheck.requirements
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
  );
}
