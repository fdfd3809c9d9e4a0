import { GUIDE_FORMATS } from "../../../shared/files/formats";
import { ApplicantField, DocumentForm, RequirementKind } from "../../../shared/guide";
import { APPLICANT_FIELD_KEYS } from "../applicant-fields";
import type { Path } from "../guide-editing";
import { type ConsoleMessageKey, tc } from "../messages";
import type { Editor } from "./GuideFields";
import { CheckInput, MultiCheck, SelectInput } from "./guide/ChoiceFields";
import { ConditionEditor } from "./guide/ConditionEditor";
import { LocalizedInput } from "./guide/LocalizedInput";
import { StatementFields } from "./guide/StatementFields";
import { NumberInput, TextInput } from "./guide/TextFields";

const KIND_KEYS: Record<RequirementKind, ConsoleMessageKey> = {
  document: "kindDocument",
  data: "kindData",
  statement: "kindStatement",
};
const FORM_KEYS: Record<DocumentForm, ConsoleMessageKey> = {
  original: "formOriginal",
  copy: "formCopy",
  "original-and-copy": "formOriginalAndCopy",
  digital: "formDigital",
};

/** One requirement's fields: what it is, when it applies, how it is accepted, its pages and its statement text. */
export function RequirementFields({ ed, path }: { ed: Editor; path: Path }) {
  const kind = ed.get([...path, "kind"]);
  const acceptance = [...path, "acceptance"];
  return (
    <>
      <TextInput ed={ed} path={[...path, "id"]} label={tc("fReqId")} />
      <SelectInput
        ed={ed}
        path={[...path, "kind"]}
        label={tc("fReqKind")}
        options={RequirementKind.options.map((value) => ({ value, label: tc(KIND_KEYS[value]) }))}
      />
      <LocalizedInput ed={ed} path={[...path, "label"]} label={tc("fLabel")} />
      <ConditionEditor ed={ed} path={[...path, "when"]} legend={tc("fWhen")} empty={tc("whenAlways")} />
      {kind === "data" ? (
        <SelectInput
          ed={ed}
          path={[...path, "field"]}
          label={tc("fField")}
          optional
          options={ApplicantField.options.map((value) => ({ value, label: tc(APPLICANT_FIELD_KEYS[value]) }))}
        />
      ) : (
        <>
          <NumberInput ed={ed} path={[...path, "minPages"]} label={tc("fMinPages")} min={1} max={20} />
          <CheckInput ed={ed} path={[...path, "allPagesWithEntries"]} label={tc("fAllPagesWithEntries")} />
          <LocalizedInput ed={ed} path={[...path, "pagesNote"]} label={tc("fPagesNote")} optional />
        </>
      )}
      {kind === "statement" && <StatementFields ed={ed} path={[...path, "statement"]} />}
      <LocalizedInput ed={ed} path={[...path, "obtainFrom"]} label={tc("fObtainFrom")} optional />
      <fieldset class="acceptance">
        <legend>{tc("fAcceptance")}</legend>
        <SelectInput
          ed={ed}
          path={[...acceptance, "form"]}
          label={tc("fForm")}
          optional
          options={DocumentForm.options.map((value) => ({ value, label: tc(FORM_KEYS[value]) }))}
        />
        <NumberInput ed={ed} path={[...acceptance, "copies"]} label={tc("fCopies")} min={1} max={10} />
        <NumberInput ed={ed} path={[...acceptance, "maxAgeDays"]} label={tc("fMaxAge")} min={1} max={3650} />
        <CheckInput ed={ed} path={[...acceptance, "legalised"]} label={tc("fLegalised")} />
        <CheckInput ed={ed} path={[...acceptance, "stamped"]} label={tc("fStamped")} />
        <MultiCheck
          ed={ed}
          path={[...acceptance, "formats"]}
          label={tc("fFormats")}
          options={GUIDE_FORMATS.map((value) => ({ value, label: value.toUpperCase() }))}
        />
        <LocalizedInput ed={ed} path={[...acceptance, "note"]} label={tc("fAcceptNote")} optional />
      </fieldset>
    </>
  );
}
