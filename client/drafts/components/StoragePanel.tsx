import { useEffect, useState } from "preact/hooks";
import { formatNumber } from "../../format";
import { refreshStorageState, requestPersistence, storageState } from "../../storage";
import { td } from "../messages";
import { draftRepository } from "../store";

function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${formatNumber(Math.round((bytes / 1024 ** 3) * 10) / 10)} GB`;
  if (bytes >= 1024 ** 2) return `${formatNumber(Math.round((bytes / 1024 ** 2) * 10) / 10)} MB`;
  return `${formatNumber(Math.ceil(bytes / 1024))} KB`;
}

/** How much room the drafts take, what is left, and a request to keep them safe from eviction. */
export function StoragePanel() {
  const [draftBytes, setDraftBytes] = useState<number | null>(null);
  const [denied, setDenied] = useState(false);
  useEffect(() => {
    void refreshStorageState();
    void draftRepository.storedBytes().then(setDraftBytes);
  }, []);
  const { persisted, usage, quota } = storageState.value;
  return (
    <section class="card storage" aria-labelledby="storage-title">
      <h2 id="storage-title">{td("storageTitle")}</h2>
      {draftBytes !== null && quota !== null && usage !== null && (
        <p>{td("storageUsage", { used: formatBytes(draftBytes), free: formatBytes(Math.max(0, quota - usage)) })}</p>
      )}
      {persisted ? (
        <p class="muted small">{td("storagePersisted")}</p>
      ) : (
        <>
          <p class="muted small">{td("storageAsk")}</p>
          <button
            type="button"
            class="button small"
            onClick={() => void requestPersistence().then((granted) => setDenied(!granted))}
          >
            {td("storageAskButton")}
          </button>
          {denied && <p class="muted small">{td("storageDenied")}</p>}
        </>
      )}
    </section>
  );
}
