import type { Guide } from "../../../shared/guide";
import type { AttentionRow } from "../../db/local-db";
import { locale } from "../../i18n";
import { rejectionText, td } from "../messages";
import { reasonTargets } from "../reason-target";
import { ReasonLink } from "./ReasonLink";

/**
 * What the server refused for this draft and why, as the push answered it:
 * each pre-check reason names its requirement, so it is shown with that
 * requirement's label even when the phone's own check now passes (a
 * different date, a photo that never arrived).
 */
export function ServerRefusal({ rows, guide }: { rows: AttentionRow[]; guide: Guide }) {
  const lang = locale.value;
  if (rows.length === 0) return null;
  const labels = new Map(guide.requirements.map((requirement) => [requirement.id, requirement.label[lang]]));
  return (
    <section class="card error-banner" role="status" data-testid="server-refusal">
      {rows.map((row) => {
        // Rows stored before reasons named their requirement hold bare codes: nothing more to show.
        const reasons = row.reasons.filter((reason) => typeof reason !== "string");
        return (
          <div key={row.mutationId}>
            <p>{sentence(rejectionText(row.code))}</p>
            {reasons.length > 0 && (
              <>
                <p>{td("serverFound")}</p>
                <ul>
                  {reasons.map((reason, index) => {
                    const label = reason.requirementId ? labels.get(reason.requirementId) : undefined;
                    const text = reason.message?.[lang] ?? reason.code;
                    return (
                      <li key={`${reason.code}-${reason.field ?? index}`}>
                        {label ? (
                          // The reason names its requirement: a link that takes focus to its field or card.
                          <ReasonLink targets={reasonTargets(reason)}>
                            {label}: {text}
                          </ReasonLink>
                        ) : (
                          text
                        )}
                      </li>
                    );
                  })}
                </ul>
              </>
            )}
          </div>
        );
      })}
    </section>
  );
}

/** The refusal texts continue "{name}: …" in the drafts list; on their own they start a sentence. */
function sentence(text: string): string {
  return text.charAt(0).toLocaleUpperCase("id") + text.slice(1);
}
