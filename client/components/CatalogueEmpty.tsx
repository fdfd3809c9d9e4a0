import { formatBytes } from "../bytes";
import { downloadProgress, lastUpdatedAt, refreshCatalogue, refreshState } from "../catalogue/store";
import { online } from "../connectivity";
import { t } from "../i18n";

/** While the first download runs: how far it is, with a bar (indeterminate when the size is unknown). */
function Downloading() {
  const progress = downloadProgress.value;
  const text = !progress?.received
    ? t("catalogueDownloading")
    : progress.total
      ? t("catalogueDownloadingOf", { received: formatBytes(progress.received), total: formatBytes(progress.total) })
      : t("catalogueDownloadingBytes", { received: formatBytes(progress.received) });
  return (
    <div class="card catalogue-downloading" role="status" data-testid="catalogue-downloading">
      <p>{text}</p>
      {progress?.total ? <progress max={progress.total} value={progress.received} /> : <progress />}
    </div>
  );
}

/**
 * No guide stored yet. Says what is true now: downloading, no signal (the
 * only case for "connect once"), the server out of reach, or no guides published.
 */
export function CatalogueEmpty() {
  if (!online.value) return <p class="card notice">{t("emptyCatalogue")}</p>;
  if (refreshState.value === "failed") {
    return (
      <div class="card notice catalogue-failed" role="alert">
        <p>{t("catalogueDownloadFailed")}</p>
        <button type="button" class="button small" onClick={() => void refreshCatalogue()}>
          {t("catalogueRetry")}
        </button>
      </div>
    );
  }
  // Asked the server and it has none: the only case where nothing is coming.
  if (refreshState.value === "idle" && lastUpdatedAt.value !== null) {
    return <p class="card notice">{t("catalogueNoneYet")}</p>;
  }
  return <Downloading />;
}
