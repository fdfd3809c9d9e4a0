import type { Draft } from "../../../shared/draft";
import type { Guide } from "../../../shared/guide";
import type { PrecheckResult } from "../../../shared/precheck";
import { dateDataFields } from "../../../shared/precheck/eligibility";
import type { DraftRow } from "../../db/local-db";
import { td } from "../messages";
import type { OfficeFlag } from "../sent-back";
import { RequirementCard } from "./RequirementCard";

interface Props {
  guide: Guide;
  draft: Draft;
  result: PrecheckResult;
  /** What the office sent back, by requirement. */
  flags: OfficeFlag[];
  showAll: boolean;
  edit: (action: string, change: (draft: Draft) => void) => unknown;
  run: (write: () => Promise<DraftRow>) => Promise<DraftRow | undefined>;
}

/** Every requirement of the guide as a card, in the guide's order. */
export function RequirementsSection({ guide, draft, result, flags, showAll, edit, run }: Props) {
  const verdicts = new Map(result.requirements.map((v) => [v.requirementId, v]));
  const byRequirement = new Map(flags.map((flag) => [flag.requirementId, flag]));
  const dateFields = dateDataFields(guide);
  return (
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
              officeReview={byRequirement.get(requirement.id)}
              showAll={showAll}
              isDate={dateFields.has(requirement.id)}
            />
          ) : null;
        })}
      </ul>
    </section>
  );
}
