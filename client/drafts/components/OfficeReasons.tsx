import type { Guide } from "../../../shared/guide";
import { reasonLabel } from "../../../shared/review/reasons";
import { locale } from "../../i18n";
import { td } from "../messages";
import type { OfficeFlag, SentBackView } from "../sent-back";
import { ReasonLink } from "./ReasonLink";

function flagText(flag: OfficeFlag, guide: Guide, lang: "id" | "en"): string {
  const label = guide.requirements.find((r) => r.id === flag.requirementId)?.label[lang] ?? flag.requirementId;
  const reason = flag.reasonCode ? reasonLabel(flag.reasonCode, lang) : flag.note;
  return reason ? td("flagItem", { label, reason }) : label;
}

/** What the office sent back, first in the summary: each flagged requirement a link to its card. */
export function OfficeReasons({ view, guide }: { view: SentBackView; guide: Guide }) {
  const lang = locale.value;
  return (
    <div class="office-reasons" data-testid="office-reasons">
      {view.reasonCode && (
        <p class="office-note">{td("officeReason", { reason: reasonLabel(view.reasonCode, lang) })}</p>
      )}
      {view.note && <p class="office-note">{td("officeNote", { note: view.note })}</p>}
      {view.flags.length > 0 && (
        <>
          <p class="office-reasons-lead">{td("sentBackLead")}</p>
          <ul class="office-flags">
            {view.flags.map((flag) => (
              <li key={flag.requirementId} class={flag.answered ? "answered" : "standing"}>
                {flag.answered && <span class="status-pill ok">{td("fixedByCadre")}</span>}{" "}
                <ReasonLink targets={[{ id: `req-${flag.requirementId}` }]}>{flagText(flag, guide, lang)}</ReasonLink>
                {flag.reasonCode && flag.note && <span class="office-flag-note"> — “{flag.note}”</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
