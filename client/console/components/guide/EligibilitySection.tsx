import { locale } from "../../../i18n";
import { blankRule, type Path } from "../../guide-editing";
import { tc } from "../../messages";
import type { Editor } from "../GuideFields";
import { type Choice, SelectInput } from "./ChoiceFields";
import { ConditionEditor } from "./ConditionEditor";
import { ListEditor } from "./ListEditor";
import { LocalizedInput } from "./LocalizedInput";
import { Section } from "./Section";
import { NumberInput, TextInput } from "./TextFields";

/** Who may apply and by when: rules beyond the papers, and whether a service may be filed twice. */
export function EligibilitySection({ ed }: { ed: Editor }) {
  return (
    <Section id="sec-eligibility">
      <SelectInput
        ed={ed}
        path={["filedOnce"]}
        label={tc("fFiledOnce")}
        optional
        options={[
          { value: "while-open", label: tc("filedOnceWhileOpen") },
          { value: "ever", label: tc("filedOnceEver") },
        ]}
      />
      <p class="field-hint">{tc("eligibilityHelp")}</p>
      <ListEditor
        ed={ed}
        path={["eligibility"]}
        title={tc("fEligibility")}
        itemTitle={(n) => tc("fRule", { n })}
        addLabel={tc("addRule")}
        make={blankRule}
        max={20}
        render={(itemPath) => <RuleFields ed={ed} path={itemPath} />}
      />
    </Section>
  );
}

/** The dates a rule can read: the applicant's birth date, or a free data requirement of this guide. */
function dateChoices(ed: Editor): Choice[] {
  const requirements =
    (ed.get(["requirements"]) as
      | { id?: string; kind?: string; field?: string; label?: { id?: string; en?: string } }[]
      | undefined) ?? [];
  return [
    { value: "applicant.birthDate", label: tc("ruleDateBirth") },
    ...requirements
      .filter((r) => r.kind === "data" && !r.field && r.id)
      .map((r) => ({
        value: `data.${r.id}`,
        label: tc("ruleDateData", { label: r.label?.[locale.value] || r.label?.id || r.id || "" }),
      })),
  ];
}

function RuleFields({ ed, path }: { ed: Editor; path: Path }) {
  const dated = ed.get([...path, "date"]) !== undefined;
  return (
    <>
      <TextInput ed={ed} path={[...path, "id"]} label={tc("fRuleId")} />
      <LocalizedInput ed={ed} path={[...path, "message"]} label={tc("fRuleMessage")} multiline />
      <ConditionEditor ed={ed} path={[...path, "when"]} legend={tc("fRuleWhen")} empty={tc("ruleWhenAlways")} />
      <SelectInput ed={ed} path={[...path, "date"]} label={tc("fRuleDate")} optional options={dateChoices(ed)} />
      {dated && (
        <div class="field-grid">
          <NumberInput ed={ed} path={[...path, "minYears"]} label={tc("fMinYears")} max={150} />
          <NumberInput ed={ed} path={[...path, "belowYears"]} label={tc("fBelowYears")} min={1} max={150} />
          <NumberInput
            ed={ed}
            path={[...path, "minDaysAgo"]}
            label={tc("fMinDaysAgo")}
            min={-3650}
            max={54750}
            hint={tc("daysAgoHint")}
          />
          <NumberInput
            ed={ed}
            path={[...path, "maxDaysAgo"]}
            label={tc("fMaxDaysAgo")}
            min={-3650}
            max={54750}
            hint={tc("daysAgoHint")}
          />
        </div>
      )}
      <TextInput ed={ed} path={[...path, "source"]} label={tc("fRuleSource")} optional />
    </>
  );
}
