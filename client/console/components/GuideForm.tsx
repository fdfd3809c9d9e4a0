import type { Editor } from "./GuideFields";
import { EligibilitySection } from "./guide/EligibilitySection";
import { FeeTimeSection } from "./guide/FeeTimeSection";
import { InfoSection } from "./guide/InfoSection";
import { LegalSection } from "./guide/LegalSection";
import { QuestionsSection } from "./guide/QuestionsSection";
import { RequirementsSection } from "./guide/RequirementsSection";
import { SubmissionSection } from "./guide/SubmissionSection";

/**
 * Every field of the Guide schema (shared/guide.ts), in both languages, in
 * the sections the nav lists (./guide/Section.tsx). Conditions and rules are
 * chosen from lists; nothing is typed as JSON.
 */
export function GuideForm({ ed }: { ed: Editor }) {
  return (
    <>
      <InfoSection ed={ed} />
      <FeeTimeSection ed={ed} />
      <SubmissionSection ed={ed} />
      <QuestionsSection ed={ed} />
      <RequirementsSection ed={ed} />
      <EligibilitySection ed={ed} />
      <LegalSection ed={ed} />
    </>
  );
}
