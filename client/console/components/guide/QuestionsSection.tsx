import { blankOption, blankQuestion, type Path } from "../../guide-editing";
import { tc } from "../../messages";
import type { Editor } from "../GuideFields";
import { SelectInput } from "./ChoiceFields";
import { ListEditor } from "./ListEditor";
import { LocalizedInput } from "./LocalizedInput";
import { Section } from "./Section";
import { TextInput } from "./TextFields";

/** The questions about the applicant's case that conditions read. */
export function QuestionsSection({ ed }: { ed: Editor }) {
  return (
    <Section id="sec-questions">
      <p class="field-hint">{tc("questionsHelp")}</p>
      <ListEditor
        ed={ed}
        path={["questions"]}
        title={tc("secQuestions")}
        itemTitle={(n) => tc("fQuestion", { n })}
        addLabel={tc("addQuestion")}
        make={blankQuestion}
        render={(itemPath) => <QuestionFields ed={ed} path={itemPath} />}
      />
    </Section>
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
