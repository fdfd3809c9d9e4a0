import { useRef, useState } from "preact/hooks";
import type { Draft } from "../../../shared/draft";
import type { Requirement } from "../../../shared/guide";
import type { RequirementVerdict } from "../../../shared/precheck";
import { reasonLabel } from "../../../shared/review/reasons";
import type { DraftRow } from "../../db/local-db";
import { describeAcceptance } from "../../guide/describe";
import { locale } from "../../i18n";
import { type DraftMessageKey, td } from "../messages";
import type { NewPage } from "../repository";
import { draftRepository } from "../store";
import { PageThumb } from "./PageThumb";

const STATUS_KEYS = {
  ok: "statusOk",
  missing: "statusMissing",
  invalid: "statusInvalid",
  "not-applicable": "statusNotApplicable",
} as const;

const FILE_ERRORS: Record<string, DraftMessageKey> = {
  "not-supported": "fileNotSupported",
  corrupt: "fileCorrupt",
  "too-large": "fileTooLarge",
  empty: "fileEmpty",
};

interface Props {
  draft: Draft;
  requirement: Requirement;
  verdict: RequirementVerdict;
  edit: (action: string, change: (draft: Draft) => void) => unknown;
  run: (write: () => Promise<DraftRow>) => Promise<DraftRow | undefined>;
  /** The office's reason (a code from the shared list) and note when it sent this requirement back for fixing. */
  officeReview?: { reasonCode?: string | undefined; reason?: string | undefined } | undefined;
}

async function toNewPage(file: File): Promise<NewPage> {
  const { preparePage } = await import("../../photos/prepare-page");
  const prepared = await preparePage(file);
  return {
    data: await prepared.blob.arrayBuffer(),
    mime: prepared.mime,
    ...(prepared.width ? { width: prepared.width } : {}),
    ...(prepared.height ? { height: prepared.height } : {}),
    ...(prepared.thumbnail
      ? { thumbnail: { data: await prepared.thumbnail.arrayBuffer(), mime: prepared.thumbnail.type || "image/jpeg" } }
      : {}),
  };
}

export function RequirementCard({ draft, requirement, verdict, edit, run, officeReview }: Props) {
  const lang = locale.value;
  const [busy, setBusy] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const replacing = useRef<string | null>(null);
  const cameraInput = useRef<HTMLInputElement>(null);
  const id = requirement.id;
  const document = draft.documents[id];
  const pages = document?.pages ?? [];
  const isPaper = requirement.kind !== "data";
  const detail = describeAcceptance(requirement.acceptance, lang);

  async function addFiles(files: FileList | null) {
    if (!files || files.length === 0) return;
    setBusy(true);
    setFileError(null);
    try {
      for (const file of Array.from(files)) {
        let page: NewPage;
        try {
          page = await toNewPage(file);
        } catch (error) {
          const { code = "corrupt", limitBytes = 0 } = error as { code?: string; limitBytes?: number };
          setFileError(td(FILE_ERRORS[code] ?? "fileCorrupt", { max: `${Math.round(limitBytes / 1024 / 1024)} MB` }));
          continue;
        }
        const old = replacing.current ?? undefined;
        replacing.current = null;
        await run(() => draftRepository.addPage(draft.id, id, page, old));
      }
    } finally {
      setBusy(false);
    }
  }

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
            <li key={reason.code}>{reason.message[lang]}</li>
          ))}
        </ul>
      )}
      {verdict.status !== "not-applicable" && isPaper && (
        <>
          {pages.length > 0 && (
            <ol class="pages">
              {pages.map((page, index) => (
                <li key={page.blobId}>
                  <PageThumb page={page} label={td("pageLabel", { n: index + 1 })} />
                  <div class="page-actions">
                    <button
                      type="button"
                      class="icon-button"
                      aria-label={`${td("moveUp")} — ${td("pageLabel", { n: index + 1 })}`}
                      disabled={index === 0}
                      onClick={() => void run(() => draftRepository.movePage(draft.id, id, page.blobId, -1))}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      class="icon-button"
                      aria-label={`${td("moveDown")} — ${td("pageLabel", { n: index + 1 })}`}
                      disabled={index === pages.length - 1}
                      onClick={() => void run(() => draftRepository.movePage(draft.id, id, page.blobId, 1))}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      class="icon-button"
                      aria-label={`${td("retake")} — ${td("pageLabel", { n: index + 1 })}`}
                      onClick={() => {
                        replacing.current = page.blobId;
                        cameraInput.current?.click();
                      }}
                    >
                      ↻
                    </button>
                    <button
                      type="button"
                      class="icon-button danger"
                      aria-label={`${td("removePage")} — ${td("pageLabel", { n: index + 1 })}`}
                      onClick={() => void run(() => draftRepository.removePage(draft.id, id, page.blobId))}
                    >
                      ✕
                    </button>
                  </div>
                </li>
              ))}
            </ol>
          )}
          <div class="file-buttons">
            <label class="button primary small">
              {td("takePhoto")}
              <input
                ref={cameraInput}
                class="visually-hidden"
                type="file"
                accept="image/*"
                capture="environment"
                aria-label={`${td("takePhoto")}: ${requirement.label[lang]}`}
                onChange={(event) => {
                  const input = event.currentTarget;
                  void addFiles(input.files).then(() => {
                    input.value = "";
                  });
                }}
              />
            </label>
            <label class="button small">
              {td("pickFile")}
              <input
                class="visually-hidden"
                type="file"
                accept="image/*,application/pdf"
                multiple
                aria-label={`${td("pickFile")}: ${requirement.label[lang]}`}
                onChange={(event) => {
                  const input = event.currentTarget;
                  replacing.current = null;
                  void addFiles(input.files).then(() => {
                    input.value = "";
                  });
                }}
              />
            </label>
          </div>
          {busy && (
            <p class="muted small" role="status">
              {td("processing")}
            </p>
          )}
          {fileError && (
            <p class="field-error" role="alert">
              {fileError}
            </p>
          )}
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
      {verdict.status !== "not-applicable" && requirement.kind === "data" && !requirement.field && (
        <div class="field">
          <label for={`data-${id}`}>{td("dataAnswer")}</label>
          <textarea
            id={`data-${id}`}
            rows={2}
            maxLength={500}
            value={draft.data[id] ?? ""}
            onInput={(event) => {
              const value = event.currentTarget.value;
              edit(`data.${id}`, (d) => {
                d.data[id] = value;
              });
            }}
          />
        </div>
      )}
      {requirement.kind === "data" && requirement.field && <p class="muted small">{td("fromApplicant")}</p>}
    </li>
  );
}
