import type { Draft } from "../../../shared/draft";
import type { Requirement } from "../../../shared/guide";
import { locale } from "../../i18n";
import { td } from "../messages";

interface Props {
  draft: Draft;
  requirement: Requirement;
  edit: (action: string, change: (draft: Draft) => void) => unknown;
}

/**
 * Books and multi-sheet documents: the cadre counts the pages that have
 * entries on the paper itself, and the pre-check then wants that many photos.
 */
export function PagesCount({ draft, requirement, edit }: Props) {
  const id = requirement.id;
  const value = draft.documents[id]?.pagesWithEntries;
  return (
    <div class="field">
      <label for={`pages-${id}`}>{td("pagesWithEntries")}</label>
      {requirement.pagesNote && <p class="muted small">{requirement.pagesNote[locale.value]}</p>}
      <input
        id={`pages-${id}`}
        type="number"
        inputMode="numeric"
        min={1}
        max={20}
        value={value ?? ""}
        onInput={(event) => {
          const count = Number.parseInt(event.currentTarget.value, 10);
          edit(`documents.${id}.pagesWithEntries`, (d) => {
            d.documents[id] ??= { pages: [], issuedOn: "" };
            if (Number.isInteger(count) && count >= 1 && count <= 20) d.documents[id].pagesWithEntries = count;
            else delete d.documents[id].pagesWithEntries;
          });
        }}
      />
    </div>
  );
}
