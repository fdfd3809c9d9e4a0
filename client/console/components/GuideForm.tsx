import { CATEGORIES, GovernmentLevel } from "../../../shared/guide";
import { t } from "../../i18n";
import { blankOption, blankQuestion, blankRequirement, emptyText, type Path } from "../guide-editing";
import { tc } from "../messages";
import {
  CheckInput,
  type Editor,
  JsonInput,
  ListEditor,
  ListText,
  LocalizedInput,
  MultiCheck,
  NumberInput,
  SelectInput,
  TextInput,
} from "./GuideFields";
import { RequirementFields } from "./RequirementFields";

const LEVEL_KEYS = {
  kelurahan: "levelKelurahan",
  kecamatan: "levelKecamatan",
  kota: "levelKota",
  provinsi: "levelProvinsi",
} as const;
const levels = () => GovernmentLevel.options.map((value) => ({ value, label: t(LEVEL_KEYS[value]) }));

/** Every field of the Guide schema (shared/guide.ts), in both languages; conditions as JSON. */
export function GuideForm({ ed }: { ed: Editor }) {
  return (
    <>
      <section class="card" aria-labelledby="sec-general">
        <h2 id="sec-general">{tc("secGeneral")}</h2>
        <LocalizedInput ed={ed} path={["title"]} label={tc("fTitle")} />
        <LocalizedInput ed={ed} path={["summary"]} label={tc("fSummary")} multiline />
        <SelectInput
          ed={ed}
          path={["category"]}
          label={tc("fCategory")}
          options={CATEGORIES.map((value) => ({ value, label: t(`category.${value}`) }))}
        />
        <ListText ed={ed} path={["keywords"]} label={tc("fKeywords")} separator="," />
        <ListText ed={ed} path={["legalBasis"]} label={tc("fLegalBasis")} separator={"\n"} />
      </section>

      <section class="card" aria-labelledby="sec-facts">
        <h2 id="sec-facts">{tc("secFacts")}</h2>
        <NumberInput ed={ed} path={["fee", "amount"]} label={tc("fFeeAmount")} />
        <LocalizedInput ed={ed} path={["fee", "note"]} label={tc("fFeeNote")} optional />
        <NumberInput ed={ed} path={["serviceTime", "workingDays"]} label={tc("fWorkingDays")} />
        <LocalizedInput ed={ed} path={["serviceTime", "note"]} label={tc("fTimeNote")} optional />
        <LocalizedInput ed={ed} path={["office", "name"]} label={tc("fOfficeName")} />
        <SelectInput ed={ed} path={["office", "level"]} label={tc("fOfficeLevel")} options={levels()} />
        <SelectInput ed={ed} path={["residency"]} label={tc("fResidency")} options={levels()} optional />
        <LocalizedInput ed={ed} path={["product"]} label={tc("fProduct")} />
        <ListEditor
          ed={ed}
          path={["steps"]}
          title={tc("fSteps")}
          itemTitle={(n) => tc("fStep", { n })}
          addLabel={tc("addStep")}
          make={emptyText}
          min={1}
          render={(itemPath, index) => (
            <LocalizedInput ed={ed} path={itemPath} label={tc("fStep", { n: index + 1 })} multiline />
          )}
        />
      </section>

      <section class="card" aria-labelledby="sec-submission">
        <h2 id="sec-submission">{tc("secSubmission")}</h2>
        <MultiCheck
          ed={ed}
          path={["submission", "channels"]}
          label={tc("fChannels")}
          keepEmpty
          options={[
            { value: "in-person", label: tc("channelInPerson") },
            { value: "online", label: tc("channelOnline") },
          ]}
        />
        <LocalizedInput ed={ed} path={["submission", "where"]} label={tc("fWhere")} multiline />
        <TextInput ed={ed} path={["submission", "url"]} label={tc("fUrl")} type="url" optional />
        <LocalizedInput ed={ed} path={["submission", "hours"]} label={tc("fHours")} optional />
        <LocalizedInput ed={ed} path={["complaint"]} label={tc("fComplaint")} multiline />
      </section>

      <section class="card" aria-labelledby="sec-questions">
        <h2 id="sec-questions">{tc("secQuestions")}</h2>
        <ListEditor
          ed={ed}
          path={["questions"]}
          title={tc("secQuestions")}
          itemTitle={(n) => tc("fQuestion", { n })}
          addLabel={tc("addQuestion")}
          make={blankQuestion}
          render={(itemPath) => <QuestionFields ed={ed} path={itemPath} />}
        />
      </section>

      <section class="card" aria-labelledby="sec-requirements">
        <h2 id="sec-requirements">{tc("secRequirements")}</h2>
        <ListEditor
          ed={ed}
          path={["requirements"]}
          title={tc("secRequirements")}
          itemTitle={(n) => tc("fRequirement", { n })}
          addLabel={tc("addRequirement")}
          make={blankRequirement}
          min={1}
          render={(itemPath) => <RequirementFields ed={ed} path={itemPath} />}
        />
      </section>

      <section class="card" aria-labelledby="sec-eligibility">
        <h2 id="sec-eligibility">{tc("secEligibility")}</h2>
        <JsonInput ed={ed} path={["eligibility"]} label={tc("fEligibility")} help={tc("eligibilityHelp")} />
      </section>

      <section class="card" aria-labelledby="sec-source">
        <h2 id="sec-source">{tc("secSource")}</h2>
        <TextInput ed={ed} path={["source", "note"]} label={tc("fSourceNote")} multiline />
        <CheckInput ed={ed} path={["source", "needsOfficeConfirmation"]} label={tc("fNeedsConfirmation")} keepFalse />
      </section>
    </>
  );
}

function QuestionFields({ ed, path }: { ed: Editor; path: Path }) {
  const kind = ed.get([...path, "kind"]);
  return (
    <>
      <TextInput ed={ed} path={[...path, "id"]} label={tc("fQuestionId")} />
      <SelectInput
        ed={ed}
        path={[...path, "kind"]}
        label={tc("fQuestionKind")}
        options={[
          { value: "yes-no", label: tc("kindYesNo") },
          { value: "choice", label: tc("kindChoice") },
        ]}
        onChange={(value) => {
          ed.set([...path, "kind"], value);
          ed.set([...path, "options"], value === "choice" ? [blankOption(), blankOption()] : undefined);
        }}
      />
      <LocalizedInput ed={ed} path={[...path, "text"]} label={tc("fQuestionText")} />
      <LocalizedInput ed={ed} path={[...path, "help"]} label={tc("fQuestionHelp")} optional />
      {kind === "choice" && (
        <ListEditor
          ed={ed}
          path={[...path, "options"]}
          title={tc("fOptions")}
          itemTitle={(n) => `${tc("fOptions")} ${n}`}
          addLabel={tc("addOption")}
          make={blankOption}
          min={2}
          render={(optionPath) => (
            <>
              <TextInput ed={ed} path={[...optionPath, "value"]} label={tc("fOptionValue")} />
              <LocalizedInput ed={ed} path={[...optionPath, "label"]} label={tc("fOptionLabel")} />
            </>
          )}
        />
      )}
    </>
  );
}
