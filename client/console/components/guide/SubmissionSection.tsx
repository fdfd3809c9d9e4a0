import { emptyText } from "../../guide-editing";
import { tc } from "../../messages";
import type { Editor } from "../GuideFields";
import { MultiCheck } from "./ChoiceFields";
import { ListEditor } from "./ListEditor";
import { LocalizedInput } from "./LocalizedInput";
import { Section } from "./Section";
import { TextInput } from "./TextFields";

/** How and where to apply, step by step, and where to complain. */
export function SubmissionSection({ ed }: { ed: Editor }) {
  return (
    <Section id="sec-submission">
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
    </Section>
  );
}
