import type { Ref } from "preact";
import { useState } from "preact/hooks";
import { mimesForFormats } from "../../../shared/files/formats";
import type { DraftRow } from "../../db/local-db";
import { type DraftMessageKey, td } from "../messages";
import type { NewPage } from "../repository";
import { draftRepository } from "../store";

/** Why preparing a page failed (client/photos/prepare-page.ts), in the cadre's words. */
const FILE_ERRORS: Record<string, DraftMessageKey> = {
  "not-supported": "fileNotSupported",
  corrupt: "fileCorrupt",
  "too-large": "fileTooLarge",
  "too-small": "fileTooSmall",
  empty: "fileEmpty",
};

async function toNewPage(file: File, formats: readonly string[] | undefined): Promise<NewPage> {
  const { preparePage } = await import("../../photos/prepare-page");
  // A picked PNG stays PNG where the requirement takes PNG but not photos: one format rule down to the page.
  const prepared = await preparePage(file, { accept: mimesForFormats(formats) });
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

interface Props {
  draftId: string;
  requirementId: string;
  label: string;
  /** The requirement's accepted formats (`acceptance.formats`). */
  formats: readonly string[] | undefined;
  run: (write: () => Promise<DraftRow>) => Promise<DraftRow | undefined>;
  cameraInput: Ref<HTMLInputElement>;
  /** The page a retake replaces; read and cleared when the camera returns. */
  takeReplacing: () => string | undefined;
}

/**
 * Camera and file buttons for one requirement. A file that cannot become a
 * readable page (wrong type, damaged, too large, too small to read) is never
 * stored: the cadre is told why, beside the buttons, and retakes it.
 */
export function PageAdder({ draftId, requirementId, label, formats, run, cameraInput, takeReplacing }: Props) {
  const [busy, setBusy] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);

  async function addFiles(files: FileList | null, replacing: string | undefined) {
    if (!files || files.length === 0) return;
    setBusy(true);
    setFileError(null);
    try {
      for (const file of Array.from(files)) {
        let page: NewPage;
        try {
          page = await toNewPage(file, formats);
        } catch (error) {
          const {
            code = "corrupt",
            limitBytes = 0,
            minLongEdge = 0,
          } = error as {
            code?: string;
            limitBytes?: number;
            minLongEdge?: number;
          };
          setFileError(
            td(FILE_ERRORS[code] ?? "fileCorrupt", {
              max: `${Math.round(limitBytes / 1024 / 1024)} MB`,
              min: String(minLongEdge),
            }),
          );
          continue;
        }
        await run(() => draftRepository.addPage(draftId, requirementId, page, replacing));
        replacing = undefined;
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <div class="file-buttons">
        <label class="button primary small">
          {td("takePhoto")}
          <input
            ref={cameraInput}
            class="visually-hidden"
            type="file"
            accept="image/*"
            capture="environment"
            aria-label={`${td("takePhoto")}: ${label}`}
            onChange={(event) => {
              const input = event.currentTarget;
              void addFiles(input.files, takeReplacing()).then(() => {
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
            aria-label={`${td("pickFile")}: ${label}`}
            onChange={(event) => {
              const input = event.currentTarget;
              takeReplacing();
              void addFiles(input.files, undefined).then(() => {
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
    </>
  );
}
