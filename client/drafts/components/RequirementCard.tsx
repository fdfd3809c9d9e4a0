import { useRef } from "preact/hooks";
import type { Draft } from "../../../shared/draft";
import type { Requirement } from "../../../shared/guide";
import type { RequirementVerdict } from "../../../shared/precheck";
import { reasonLabel } from "../../../shared/review/reasons";
import type { DraftRow } from "../../db/local-db";
import { describeRequirement } from "../../guide/describe";
import { locale } from "../../i18n";
import { td } from "../messages";
import { DataAnswer } from "./DataAnswer";
import { PageAdder } from "./PageAdder";
import { PageList } from "./PageList";
import { PagesCount } from "./PagesCount";
import { StatementPanel } from "./StatementPanel";

const STATUS_KEYS = {
  ok: "statusOk",
  missing: "statusMissing",
  invalid: "statusInvalid",
  "not-applicable": "statusNotApplicable",
} as const;

interface Props {
  draft: Draft;
  requirement: Requirement;
  verdict: RequirementVerdict;
  edit: (action: string, change: (draft: Draft) => void) => unknown;
  run: (write: () => Promise<DraftRow>) => Promise<DraftRow | undefined>;
  /** The office's reason (a code from the shared list) and note when it sent this requirement back for fixing. */
  officeReview?: { reasonCode?: string | undefined; reason?: string | undefined } | undefined;
  /** A data requirement that an eligibility rule reads as a date: asked with a date picker. */
  isDate?: boolean;
}

/** One requirement of the draft: its state, the reasons, and what the cadre does about it. */
export function RequirementCard({ draft, requirement, verdict, edit, run, officeReview, isDate }: Props) {
  const lang = locale.value;
  const replacing = useRef<string | undefined>(undefined);
  const cameraInput = useRef<HTMLInputElement>(null);
  const id = requirement.id;
  const document = draft.documents[id];
  const isPaper = requirement.kind !== "data";
  const detail = describeRequirement(requirement, lang);
  const applies = verdict.status !== "not-applicable";

  return (
    <li class={`requirement-card status-${verdict.status}`} id={`req-${id}`}>
      <div class="requirement-head">
        <span class={`status-pill ${verdict.status}`}>{td(STATUS_KEYS[verdict.status])}</span>
        <h3>{requirement.label[lang]}</h3>
      </div>
      {detail && <p class="requirement-meta">{detail}</p>}
      {officeReview?.reasonCode && (
        <p class="office-note" role="note">
          {td("officeReason", { reason: reasonLabel(officeReview.reasonCode, lang) })}
        </p>
      )}
      {officeReview?.reason && (
        <p class="office-note" role="note">
          {td("officeNote", { note: officeReview.reason })}
        </p>
      )}
      {verdict.reasons.length > 0 && (
        <ul class="reasons">
          {verdict.reasons.map((reason) => (
            <li key={`${reason.code}:${reason.field ?? ""}`}>{reason.message[lang]}</li>
          ))}
        </ul>
      )}
      {applies && requirement.kind === "statement" && (
        <StatementPanel draft={draft} requirement={requirement} edit={edit} />
      )}
      {applies && isPaper && (
        <>
          {requirement.allPagesWithEntries && <PagesCount draft={draft} requirement={requirement} edit={edit} />}
          <PageList
            draftId={draft.id}
            requirementId={id}
            pages={document?.pages ?? []}
            run={run}
            onRetake={(blobId) => {
              replacing.current = blobId;
              cameraInput.current?.click();
            }}
          />
          <PageAdder
            draftId={draft.id}
            requirementId={id}
            label={requirement.label[lang]}
            formats={requirement.acceptance.formats}
            run={run}
            cameraInput={cameraInput}
            takeReplacing={() => {
              const blobId = replacing.current;
              replacing.current = undefined;
              return blobId;
            }}
          />
          {requirement.acceptance.maxAgeDays && (
            <div class="field">
              <label for={`issued-${id}`}>{td("issuedOn")}</label>
              <input
                id={`issued-${id}`}
                type="date"
                value={document?.issuedOn ?? ""}
                onInput={(event) => {
                  const value = event.currentTarget.value;
                  edit(`documents.${id}.issuedOn`, (d) => {
                    d.documents[id] ??= { pages: [], issuedOn: "" };
                    d.documents[id].issuedOn = value;
                  });
                }}
              />
            </div>
          )}
        </>
      )}
      {applies && requirement.kind === "data" && !requirement.field && (
        <DataAnswer draft={draft} requirementId={id} isDate={isDate === true} edit={edit} />
      )}
      {requirement.kind === "data" && requirement.field && <p class="muted small">{td("fromApplicant")}</p>}
    </li>
  );
}
