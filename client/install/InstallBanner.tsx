import { t } from "../i18n";
import { InstallButton } from "./InstallButton";
import { installed, installOffer, installLater as later } from "./state";

/** Under the header, where it is seen: the browser's offer to install, while there is one. */
export function InstallBanner() {
  if (!installOffer.value || installed.value || later.value) return null;
  return (
    <section class="install-banner" aria-label={t("installApp")}>
      <p>{t("installHelp")}</p>
      <div class="offline-ready-actions">
        <InstallButton />
        <button type="button" class="button ghost small" onClick={() => (later.value = true)}>
          {t("installLater")}
        </button>
      </div>
    </section>
  );
}
