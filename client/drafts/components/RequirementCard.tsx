import { useRef } from "preact/hooks";
import type { Draft } from "../../../shared/draft";
import type { Requirement } from "../../../shared/guide";
import type { RequirementVerdict } from "../../../shared/precheck";
import { reasonLabel } from "../../../shared/review/reasons";
import type { DraftRow } from "../../db/local-db";
import { describeRequirement } from "../../guide/describe";
import { locale } from "../../i18n";
import { td } from "../messages";
import type { OfficeFlag } from "../sent-back";
import { DataAnswer } from "./DataAnswer";
import { IssuedOnField } from "./IssuedOnField";
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
  /**
   * The office's reason (a code from the shared list) and note when it sent this requirement back for fixing;
   * `answered` once something on it changed since.
   */
  officeReview?: OfficeFlag | undefined;
  /** "Tandai siap diajukan" was tried: empty fields count as invalid too. */
  showAll?: boolean;
  /** A data requirement that an eligibility rule reads as a date: asked with a date picker. */
  isDate?: boolean;
}

/** One requirement of the draft: its state, the reasons, and what the cadre does about it. */
export function RequirementCard({ draft, requirement, verdict, edit, run, officeReview, showAll, isDate }: Props) {
  const lang = locale.value;
  const replacing = useRef<string | undefined>(undefined);
  const cameraInput = useRef<HTMLInputElement>(null);
  const id = requirement.id;
  const document = draft.documents[id];
  const isPaper = requirement.kind !== "data";
  const detail = describeRequirement(requirement, lang);
  const applies = verdict.status !== "not-applicable";
  // Not green while the office's flag stands: nothing on it has changed since the file was sent back.
  const flagged = !!officeReview && !officeReview.answered;
  const fieldError = (field: string, value: string | undefined) => {
    const reason = verdict.reasons.find((r) => r.field === field);
    return reason && (showAll || value) ? reason.message[lang] : undefined;
  };
  const issuedError = fieldError(`documents.${id}.issuedOn`, document?.issuedOn);
  const dataError = fieldError(`data.${id}`, draft.data[id]);
  // The date field exists only once the statement is confirmed signed; before that the card's list says so.
  const signedError = document?.signedOn ? fieldError(`documents.${id}.signedOn`, document.signedOn) : undefined;
  // A reason shown under its own field is not repeated in the card's list.
  const listed = verdict.reasons.filter(
    (r) =>
      !(issuedError && r.field === `documents.${id}.issuedOn`) &&
      !(signedError && r.field === `documents.${id}.signedOn`) &&
      !(dataError && requirement.kind === "data" && r.field === `data.${id}`),
  );
  return (
    <li
      class={`requirement-card status-${flagged ? "flagged" : verdict.status}`}
      id={`req-${id}`}
      tabIndex={-1}
      aria-labelledby={`req-${id}-title`}
      data-flag={officeReview ? (flagged ? "standing" : "answered") : undefined}
    >
      <div class="requirement-head">
        <span class={`status-pill ${flagged ? "invalid" : verdict.status}`}>
          {td(flagged ? "flagStands" : STATUS_KEYS[verdict.status])}
        </span>
        <h3 id={`req-${id}-title`}>{requirement.label[lang]}</h3>
      </div>
      {detail && <p class="requirement-meta">{detail}</p>}
      {officeReview && (
        <div class={flagged ? "office-note" : "office-note answered"} role="note">
          {!flagged && <p class="answered-tag">{td("fixedByCadre")}</p>}
          {officeReview.reasonCode && (
            <p>{td("officeReason", { reason: reasonLabel(officeReview.reasonCode, lang) })}</p>
          )}
          {officeReview.note && <p>{td("officeNote", { note: officeReview.note })}</p>}
        </div>
      )}
      {listed.length > 0 && (
        <ul class="reasons">
          {listed.map((reason) => (
            <li key={`${reason.code}:${reason.field ?? ""}`}>{reason.message[lang]}</li>
          ))}
        </ul>
      )}
      {applies && requirement.kind === "statement" && (
        <StatementPanel draft={draft} requirement={requirement} edit={edit} signedError={signedError} />
      )}
      {applies && isPaper && (
        <>
          {requirement.allPagesWithEntries && <PagesCount draft={draft} requirement={requirement} edit={edit} />}
          <PageList
            draftId={draft.id}
            requirementId={id}
            requirementLabel={requirement.label[lang]}
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
            <IssuedOnField draft={draft} requirementId={id} error={issuedError} edit={edit} />
          )}
        </>
      )}
      {applies && requirement.kind === "data" && !requirement.field && (
        <DataAnswer draft={draft} requirementId={id} isDate={isDate === true} error={dataError} edit={edit} />
      )}
      {requirement.kind === "data" && requirement.field && <p class="muted small">{td("fromApplicant")}</p>}
    </li>
  );
}
