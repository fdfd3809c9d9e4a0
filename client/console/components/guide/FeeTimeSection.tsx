import { tc } from "../../messages";
import type { Editor } from "../GuideFields";
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
      <LocalizedInput ed={ed} path={["serviceTime", "note"]} label={tc("fTimeNote")} optional />
    </Section>
  );
}
