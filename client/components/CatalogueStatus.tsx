import { catalogueLoaded, lastUpdatedAt, listedGuides, refreshCatalogue, refreshState } from "../catalogue/store";
import { formatNumber, formatRelative } from "../format";
import { locale, t } from "../i18n";
import { InstallButton } from "../install/InstallButton";
import { offlineReady } from "../install/offline-ready";
import { installLater } from "../install/state";

/**
 * A list on screen whose guides are not stored yet (a first visit's summary,
 * or the downloaded page before the catalogue worker has stored it): only
 * once stored does the device hold them offline.
 */
function NotStoredYet() {
  if (refreshState.value === "failed") {
    return (
      <div role="alert">
        <p>{t("catalogueSaveFailed")}</p>
        <button type="button" class="button small" onClick={() => void refreshCatalogue()}>
          {t("catalogueRetry")}
        </button>
      </div>
    );
  }
  return <p data-testid="catalogue-saving">{t("catalogueSaving")}</p>;
}

export function CatalogueStatus() {
  if (!catalogueLoaded.value) return null;
  const updated = lastUpdatedAt.value;
  return (
    <footer class="catalogue-status">
      {/* With nothing listed, CatalogueEmpty says what the download is doing; this line would only repeat it. */}
      {listedGuides.value.length > 0 && (
        <div aria-live="polite">
          {updated === null ? (
            <NotStoredYet />
          ) : (
            <>
              <p data-testid="saved-on-device">
                {t("savedOnDevice", { count: formatNumber(listedGuides.value.length) })}
              </p>
              {offlineReady.value && <p data-testid="works-offline">{t("worksOffline")}</p>}
              {refreshState.value === "updating" ? (
                <p>{t("updating")}</p>
              ) : refreshState.value === "failed" && navigator.onLine ? (
                <p>{t("updateFailed")}</p>
              ) : (
                <p data-testid="updated-at">{t("updatedAt", { when: formatRelative(updated, locale.value) })}</p>
              )}
            </>
          )}
        </div>
      )}
      {/* Out of the way, for a cadre who said "Lain kali" to the banner under the header. */}
      {installLater.value && <InstallButton />}
    </footer>
  );
}
