import { useState } from "preact/hooks";
import { t } from "../i18n";
import { updateWaiting } from "../update-state";

/** Never reloads by itself: the user finishes what they are doing, then chooses. */
export function UpdatePrompt() {
  const [blocked, setBlocked] = useState(false);
  if (!updateWaiting.value) return null;
  return (
    <div class="update-prompt" role="alert">
      <span>{t("updateAvailable")}</span>
      <button
        type="button"
        class="button primary small"
        onClick={() =>
          void import("../sw-register").then(({ applyUpdate }) => applyUpdate()).then((applied) => setBlocked(!applied))
        }
      >
        {t("updateReload")}
      </button>
      {blocked && <span class="small">{t("updateWaitSync")}</span>}
      <button type="button" class="button ghost small" onClick={() => (updateWaiting.value = false)}>
        {t("updateLater")}
      </button>
    </div>
  );
}
