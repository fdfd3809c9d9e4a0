import { useEffect } from "preact/hooks";
import { t } from "../i18n";
import { currentPath } from "../router";
import { InstallBanner } from "./InstallBanner";
import { InstallButton } from "./InstallButton";
import { dismissOfflineReady, markOfflineReadyShown, showOfflineReady } from "./offline-ready";

/**
 * Once per device, when the catalogue and the app shell are stored: "works
 * without signal now", with the install button where the browser offers one.
 */
export function OfflineReadyNotice() {
  const shown = showOfflineReady.value && !currentPath.value.startsWith("/konsol");
  useEffect(() => {
    if (shown) markOfflineReadyShown();
  }, [shown]);
  if (currentPath.value.startsWith("/konsol")) return null;
  // The install offer has its own banner, unless this notice (which carries the button) is showing.
  if (!shown) return <InstallBanner />;
  return (
    <div class="offline-ready" role="status" data-testid="offline-ready">
      {/* One line per block: a late notice painted as one wide block became the page's LCP, not the list. */}
      <p>
        <span class="line">{t("offlineReady")}</span> <span class="line">{t("offlineReadyWorks")}</span>
      </p>
      <div class="offline-ready-actions">
        <InstallButton />
        <button type="button" class="button primary small" onClick={dismissOfflineReady}>
          {t("offlineReadyDismiss")}
        </button>
      </div>
    </div>
  );
}
