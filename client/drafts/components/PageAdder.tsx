import type { Ref } from "preact";
import { useState } from "preact/hooks";
import { mimesForFormats } from "../../../shared/files/formats";
import type { DraftRow } from "../../db/local-db";
import { type QualityWarning, qualityWarnings } from "../../photos/quality";
import { warnAbout } from "../../photos/warnings";
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

async function toNewPage(
  file: File,
  formats: readonly string[] | undefined,
): Promise<{ page: NewPage; warning: QualityWarning | undefined }> {
  // Decoded and encoded in a worker where the browser can: the form stays responsive meanwhile.
  const { preparePageOffThread } = await import("../../photos/prepare-off-thread");
  // A picked PNG stays PNG where the requirement takes PNG but not photos: one format rule down to the page.
  const prepared = await preparePageOffThread(file, { accept: mimesForFormats(formats) });
  const warning = prepared.quality ? qualityWarnings(prepared.quality)[0] : undefined;
  const page: NewPage = {
    data: await prepared.blob.arrayBuffer(),
    mime: prepared.mime,
    ...(prepared.width ? { width: prepared.width } : {}),
    ...(prepared.height ? { height: prepared.height } : {}),
    ...(prepared.thumbnail
      ? { thumbnail: { data: await prepared.thumbnail.arrayBuffer(), mime: prepared.thumbnail.type || "image/jpeg" } }
      : {}),
  };
  return { page, warning };
}

/** The page `after` has and `before` had not: the one just added or retaken. */
function addedPage(before: DraftRow | undefined, after: DraftRow | undefined, requirementId: string) {
  const known = new Set(before?.documents[requirementId]?.pages.map((page) => page.blobId));
  return after?.documents[requirementId]?.pages.find((page) => !known.has(page.blobId));
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
  /** "Menyiapkan foto 2 dari 3…": which photo is being prepared, of how many picked. */
  const [busy, setBusy] = useState<{ at: number; of: number } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  async function addFiles(files: FileList | null, replacing: string | undefined) {
    if (!files || files.length === 0) return;
    const picked = Array.from(files);
    setFileError(null);
    try {
      for (const [index, file] of picked.entries()) {
        setBusy({ at: index + 1, of: picked.length });
        let prepared: Awaited<ReturnType<typeof toNewPage>>;
        try {
          prepared = await toNewPage(file, formats);
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
        const before = await draftRepository.get(draftId);
        const replaces = replacing;
        const after = await run(() => draftRepository.addPage(draftId, requirementId, prepared.page, replaces));
        replacing = undefined;
        // Kept, but said at once: a blurry or dark page is retaken while the paper is still at hand.
        const added = addedPage(before, after, requirementId);
        if (added) warnAbout(added.blobId, prepared.warning);
      }
    } finally {
      setBusy(null);
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
      <p class="muted small photo-progress" role="status">
        {busy && td("photoPreparing", { at: busy.at, of: busy.of })}
      </p>
      {fileError && (
        <p class="field-error" role="alert">
          {fileError}
        </p>
      )}
    </>
  );
}
