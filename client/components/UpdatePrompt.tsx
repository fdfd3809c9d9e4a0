import { t } from "../i18n";
import { updateWaiting } from "../update-state";

/** Never reloads by itself: the user finishes what they are doing, then chooses. */
export function UpdatePrompt() {
  if (!updateWaiting.value) return null;
  return (
    <div class="update-prompt" role="alert">
      <span>{t("updateAvailable")}</span>
      <button
        type="button"
        class="button primary small"
        onClick={() => void import("../sw-register").then(({ applyUpdate }) => applyUpdate())}
      >
        {t("updateReload")}
      </button>
      <button type="button" class="button ghost small" onClick={() => (updateWaiting.value = false)}>
        {t("updateLater")}
      </button>
    </div>
  );
}
