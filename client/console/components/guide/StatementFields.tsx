import { emptyText, type Path } from "../../guide-editing";
import { tc } from "../../messages";
import type { Editor } from "../GuideFields";
import { ListEditor } from "./ListEditor";
import { LocalizedInput } from "./LocalizedInput";
import { NumberInput } from "./TextFields";

/** The statement the app prints for the applicant to sign, with witnesses and co-signers by role. */
export function StatementFields({ ed, path }: { ed: Editor; path: Path }) {
  return (
    <fieldset class="acceptance">
      <legend>{tc("fStatement")}</legend>
      <LocalizedInput ed={ed} path={[...path, "title"]} label={tc("fStatementTitle")} optional />
      <LocalizedInput ed={ed} path={[...path, "body"]} label={tc("fStatementBody")} multiline optional />
      <p class="field-hint">{tc("statementBodyHelp")}</p>
      <LocalizedInput ed={ed} path={[...path, "declarant"]} label={tc("fDeclarant")} optional />
      <p class="field-hint">{tc("declarantHelp")}</p>
      <NumberInput ed={ed} path={[...path, "witnesses"]} label={tc("fWitnesses")} min={0} max={4} />
      <ListEditor
        ed={ed}
        path={[...path, "cosigners"]}
        title={tc("fCosigners")}
        itemTitle={(n) => tc("fCosigner", { n })}
        addLabel={tc("addCosigner")}
        make={emptyText}
        max={6}
        render={(itemPath, index) => (
          <LocalizedInput ed={ed} path={itemPath} label={tc("fCosignerRole", { n: index + 1 })} />
        )}
      />
    </fieldset>
  );
}
