import { catalogueLoaded, guides, lastUpdatedAt, refreshState } from "../catalogue/store";
import { formatNumber, formatRelative } from "../format";
import { locale, t } from "../i18n";

export function CatalogueStatus() {
  if (!catalogueLoaded.value) return null;
  const updated = lastUpdatedAt.value;
  return (
    <footer class="catalogue-status" aria-live="polite">
      {guides.value.length > 0 && <p>{t("savedOnDevice", { count: formatNumber(guides.value.length) })}</p>}
      {refreshState.value === "updating" ? (
        <p>{t("updating")}</p>
      ) : refreshState.value === "failed" && navigator.onLine ? (
        <p>{t("updateFailed")}</p>
      ) : updated ? (
        <p data-testid="updated-at">{t("updatedAt", { when: formatRelative(updated, locale.value) })}</p>
      ) : null}
    </footer>
  );
}
