import { catalogueLoaded, guides, lastUpdatedAt, refreshState } from "../catalogue/store";
import { formatNumber, formatRelative } from "../format";
import { locale, t } from "../i18n";
import { InstallButton } from "../install/InstallButton";
import { offlineReady } from "../install/offline-ready";
import { installLater } from "../install/state";

export function CatalogueStatus() {
  if (!catalogueLoaded.value) return null;
  const updated = lastUpdatedAt.value;
  return (
    <footer class="catalogue-status">
      {/* With nothing stored, CatalogueEmpty says what the download is doing; this line would only repeat it. */}
      {guides.value.length > 0 && (
        <div aria-live="polite">
          <p>{t("savedOnDevice", { count: formatNumber(guides.value.length) })}</p>
          {offlineReady.value && <p data-testid="works-offline">{t("worksOffline")}</p>}
          {refreshState.value === "updating" ? (
            <p>{t("updating")}</p>
          ) : refreshState.value === "failed" && navigator.onLine ? (
            <p>{t("updateFailed")}</p>
          ) : updated ? (
            <p data-testid="updated-at">{t("updatedAt", { when: formatRelative(updated, locale.value) })}</p>
          ) : null}
        </div>
      )}
      {/* Out of the way, for a cadre who said "Lain kali" to the banner under the header. */}
      {installLater.value && <InstallButton />}
    </footer>
  );
}
