import { t } from "../i18n";
import { install, installed, installOffer } from "./state";

/** "Pasang aplikasi": only where the browser offers installing, gone once installed. */
export function InstallButton() {
  if (!installOffer.value || installed.value) return null;
  return (
    <button type="button" class="button small" onClick={() => void install()}>
      {t("installApp")}
    </button>
  );
}
