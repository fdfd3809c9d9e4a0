import { useRef } from "preact/hooks";
import type { Draft } from "../../../shared/draft";
import type { Requirement } from "../../../shared/guide";
import { locale } from "../../i18n";
import { td } from "../messages";
import { today } from "../store";
import { errorProps } from "./Field";
import { StatementSheet } from "./StatementSheet";

interface Props {
  draft: Draft;
  requirement: Requirement;
  edit: (action: string, change: (draft: Draft) => void) => unknown;
  /** What the pre-check says about the signing date, when it is shown. */
  signedError?: string | undefined;
}

/**
 * A signed statement is produced by the app, not photographed blank: the cadre
 * shows or prints the filled text, the applicant signs it, and the cadre
 * confirms the signing date. Only then does the photo of the signed page count.
 */
export function StatementPanel({ draft, requirement, edit, signedError }: Props) {
  const id = requirement.id;
  const dialog = useRef<HTMLDialogElement>(null);
  const signedOn = draft.documents[id]?.signedOn ?? "";
  const setSigned = (value: string) =>
    edit(`documents.${id}.signedOn`, (d) => {
      d.documents[id] ??= { pages: [], issuedOn: "" };
      if (value) d.documents[id].signedOn = value;
      else delete d.documents[id].signedOn;
    });
  // The sheet is printed alone: a copy placed straight under <body>, which the print style keeps and hides the rest.
  const print = () => {
    const sheet = dialog.current?.querySelector(".statement-sheet");
    if (!sheet) return;
    const holder = document.createElement("div");
    holder.className = "statement-print";
    holder.append(sheet.cloneNode(true));
    document.body.append(holder);
    document.body.classList.add("printing-statement");
    window.addEventListener(
      "afterprint",
      () => {
        document.body.classList.remove("printing-statement");
        holder.remove();
      },
      { once: true },
    );
    window.print();
  };
  return (
    <div class="statement-panel">
      <button type="button" class="button small" onClick={() => dialog.current?.showModal()}>
        {td("statementShow")}
      </button>
      <dialog ref={dialog} class="statement-dialog" aria-label={requirement.label[locale.value]}>
        <StatementSheet draft={draft} requirement={requirement} signedOn={signedOn} />
        <div class="actions no-print">
          <button type="button" class="button primary" onClick={print}>
            {td("statementPrint")}
          </button>
          <button type="button" class="button" onClick={() => dialog.current?.close()}>
            {td("close")}
          </button>
        </div>
      </dialog>
      <label class="check-row">
        <input
          type="checkbox"
          checked={signedOn !== ""}
          onChange={(event) => setSigned(event.currentTarget.checked ? today() : "")}
        />
        <span>
          {requirement.statement?.declarant
            ? td("statementSignedByConfirm", { signer: requirement.statement.declarant[locale.value] })
            : td("statementSignedConfirm")}
        </span>
      </label>
      {signedOn !== "" && (
        <div class={signedError ? "field has-error" : "field"}>
          <label for={`signed-${id}`}>{td("statementSignedOn")}</label>
          <input
            id={`signed-${id}`}
            type="date"
            value={signedOn}
            max={today()}
            {...errorProps(`signed-${id}`, signedError)}
            onInput={(event) => setSigned(event.currentTarget.value)}
          />
          {signedError && (
            <p class="field-error" id={`signed-${id}-error`}>
              {signedError}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
