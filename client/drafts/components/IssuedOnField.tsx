import type { Draft } from "../../../shared/draft";
import { td } from "../messages";
import { errorProps } from "./Field";

interface Props {
  draft: Draft;
  requirementId: string;
  error: string | undefined;
  edit: (action: string, change: (draft: Draft) => void) => unknown;
}

/** The date written on a paper that is valid only for so many days (a letter from the RT/RW). */
export function IssuedOnField({ draft, requirementId: id, error, edit }: Props) {
  const inputId = `issued-${id}`;
  return (
    <div class={error ? "field has-error" : "field"}>
      <label for={inputId}>{td("issuedOn")}</label>
      <input
        id={inputId}
        type="date"
        value={draft.documents[id]?.issuedOn ?? ""}
        {...errorProps(inputId, error)}
        onInput={(event) => {
          const value = event.currentTarget.value;
          edit(`documents.${id}.issuedOn`, (d) => {
            d.documents[id] ??= { pages: [], issuedOn: "" };
            d.documents[id].issuedOn = value;
          });
        }}
      />
      {error && (
        <p class="field-error" id={`${inputId}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
