import { tc } from "../../messages";
import type { Editor } from "../GuideFields";
import { CheckInput } from "./ChoiceFields";
import { Section } from "./Section";
import { ListText, TextInput } from "./TextFields";

/** The regulations behind the service, and where this guide's content comes from. */
export function LegalSection({ ed }: { ed: Editor }) {
  return (
    <Section id="sec-legal">
      <ListText ed={ed} path={["legalBasis"]} label={tc("fLegalBasis")} separator={"\n"} />
      <TextInput ed={ed} path={["source", "note"]} label={tc("fSourceNote")} multiline />
      <CheckInput ed={ed} path={["source", "needsOfficeConfirmation"]} label={tc("fNeedsConfirmation")} keepFalse />
    </Section>
  );
}
