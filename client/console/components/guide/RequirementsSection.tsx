import { locale } from "../../../i18n";
import { blankRequirement } from "../../guide-editing";
import { tc } from "../../messages";
import type { Editor } from "../GuideFields";
import { RequirementFields } from "../RequirementFields";
import { ListEditor } from "./ListEditor";
import { Section } from "./Section";

/** "Syarat 2: KTP-el pemohon": a long list is found by name, not by number. */
function requirementTitle(n: number, item: unknown): string {
  const label = (item as { label?: { id?: string; en?: string } } | undefined)?.label;
  const name = label?.[locale.value]?.trim() || label?.id?.trim();
  return name ? `${tc("fRequirement", { n })}: ${name}` : tc("fRequirement", { n });
}

export function RequirementsSection({ ed }: { ed: Editor }) {
  return (
    <Section id="sec-requirements">
      <ListEditor
        ed={ed}
        path={["requirements"]}
        title={tc("secRequirements")}
        itemTitle={requirementTitle}
        addLabel={tc("addRequirement")}
        make={blankRequirement}
        min={1}
        render={(itemPath) => <RequirementFields ed={ed} path={itemPath} />}
      />
    </Section>
  );
}
