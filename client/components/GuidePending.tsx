import type { GuideSummary } from "../../shared/api/catalogue";
import { refreshCatalogue, refreshState } from "../catalogue/store";
import { online } from "../connectivity";
import { locale, t } from "../i18n";

/**
 * A guide tapped on a first visit's list (the inline summary) before the full
 * catalogue arrived: its screen waits for it, and says so. Offline or with
 * the download failed, it says the guide is not on the phone yet; the page
 * shows by itself once the catalogue arrives (main.tsx refreshes when the
 * signal comes back, or the cadre taps "Coba lagi").
 */
export function GuidePending({ guide }: { guide: GuideSummary }) {
  const lang = locale.value;
  return (
    <>
      {/* What the list already knows of the guide, so the cadre sees the tap landed. */}
      <h1>{guide.title[lang]}</h1>
      <p class="lead">{guide.summary[lang]}</p>
      <PendingNote />
    </>
  );
}

function PendingNote() {
  const failed = !online.value || refreshState.value === "failed";
  if (!failed) {
    return (
      <p class="muted" role="status" data-testid="guide-loading">
        {t("guideLoading")}
      </p>
    );
  }
  return (
    <div class="card notice" role="alert">
      <p>{t("guideNotDownloaded")}</p>
      {online.value && (
        <button type="button" class="button small" onClick={() => void refreshCatalogue()}>
          {t("catalogueRetry")}
        </button>
      )}
    </div>
  );
}
