import { tc } from "../../messages";
import type { Editor } from "../GuideFields";
import { SelectInput } from "./ChoiceFields";
import { LocalizedInput } from "./LocalizedInput";
import { Section } from "./Section";
import { NumberInput } from "./TextFields";

/** The official fee (0 is shown as free, against illegal levies) and how long the office takes. */
export function FeeTimeSection({ ed }: { ed: Editor }) {
  return (
    <Section id="sec-fee-time">
      <NumberInput ed={ed} path={["fee", "amount"]} label={tc("fFeeAmount")} />
      <LocalizedInput ed={ed} path={["fee", "note"]} label={tc("fFeeNote")} optional />
      <NumberInput ed={ed} path={["serviceTime", "workingDays"]} label={tc("fWorkingDays")} max={365} />
      <SelectInput
        ed={ed}
        path={["serviceTime", "unit"]}
        label={tc("fTimeUnit")}
        options={[
          { value: "working", label: tc("unitWorking") },
          { value: "calendar", label: tc("unitCalendar") },
        ]}
        onChange={(value) => ed.set(["serviceTime", "unit"], value === "calendar" ? "calendar" : undefined)}
      />
      <LocalizedInput ed={ed} path={["serviceTime", "note"]} label={tc("fTimeNote")} optional />
    </Section>
  );
}
