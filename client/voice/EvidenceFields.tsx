import { useEffect, useMemo, useState } from "preact/hooks";
import { MAX_EVIDENCE_PHOTOS } from "../../shared/api/complaints";
import { account } from "../account/session";
import { tv } from "./messages";
import type { EvidenceBytes } from "./outbox";

const PHOTO_TYPES: ReadonlySet<string> = new Set(["image/jpeg", "image/webp"]);

/** A picked photo made small and hashed the way a file's pages are (off the main thread). */
async function prepare(file: File): Promise<EvidenceBytes> {
  const [{ preparePageOffThread }, { sha256Hex }] = await Promise.all([
    import("../photos/prepare-off-thread"),
    import("../uploads/sha256"),
  ]);
  const page = await preparePageOffThread(file, { accept: PHOTO_TYPES });
  const data = await page.blob.arrayBuffer();
  return { sha256: await sha256Hex(data), mime: page.mime as EvidenceBytes["mime"], data };
}

/**
 * Evidence photos, only for a signed-in cadre (the server takes evidence
 * from an account that uploaded it); anyone else is told to bring them.
 * Anonymous: none at all (the uploading account would name the sender);
 * the switch clears them and this says why.
 */
export function EvidenceFields({
  photos,
  anonymous,
  onChange,
}: {
  photos: EvidenceBytes[];
  anonymous: boolean;
  onChange: (next: EvidenceBytes[]) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const urls = useMemo(
    () => photos.map((photo) => URL.createObjectURL(new Blob([photo.data], { type: photo.mime }))),
    [photos],
  );
  useEffect(
    () => () => {
      for (const url of urls) URL.revokeObjectURL(url);
    },
    [urls],
  );
  if (!account.value) return <p class="field-hint">{tv("evidenceOffice")}</p>;
  if (anonymous) {
    return (
      <p class="field-hint" data-testid="evidence-anonymous">
        {tv("evidenceAnonymous")}
      </p>
    );
  }

  const pick = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setBusy(true);
    setFailed(false);
    const next = [...photos];
    for (const file of [...files].slice(0, MAX_EVIDENCE_PHOTOS - photos.length)) {
      try {
        const photo = await prepare(file);
        if (!next.some((p) => p.sha256 === photo.sha256)) next.push(photo);
      } catch {
        setFailed(true);
      }
    }
    onChange(next);
    setBusy(false);
  };

  return (
    <div class="field voice-evidence">
      <p class="voice-evidence-label" id="complaint-evidence-label">
        {tv("evidenceLabel", { max: MAX_EVIDENCE_PHOTOS })}
      </p>
      <p class="field-hint">{tv("evidenceHint")}</p>
      {photos.length > 0 && (
        <ul class="voice-photos" aria-labelledby="complaint-evidence-label">
          {photos.map((photo, i) => (
            <li key={photo.sha256}>
              <img src={urls[i]} alt={tv("evidenceAlt", { n: i + 1 })} width={96} height={96} />
              <button
                type="button"
                class="button small ghost danger"
                onClick={() => onChange(photos.filter((p) => p.sha256 !== photo.sha256))}
              >
                {tv("evidenceRemove", { n: i + 1 })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {photos.length < MAX_EVIDENCE_PHOTOS && (
        <label class="button" aria-disabled={busy ? "true" : undefined}>
          {busy ? tv("evidencePreparing") : tv("evidencePick")}
          <input
            type="file"
            accept="image/*"
            multiple
            class="visually-hidden"
            disabled={busy}
            onChange={(event) => {
              const input = event.currentTarget;
              void pick(input.files).then(() => {
                input.value = "";
              });
            }}
          />
        </label>
      )}
      {failed && (
        <p class="field-error" role="alert">
          {tv("evidenceFailed")}
        </p>
      )}
    </div>
  );
}
