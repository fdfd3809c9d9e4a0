import { useState } from "preact/hooks";
import type { PrivacySettings } from "../../../shared/api/retention";
import { ErrorNote, Status } from "../components/Notice";
import { tc } from "../messages";
import { loadPrivacySettings } from "../privacy/privacy-api";
import { RetentionSection } from "../privacy/RetentionSection";
import { SettingsForm } from "../privacy/SettingsForm";
import { tp } from "../privacy-messages";
import { currentUser } from "../session";
import { useLoad } from "../use-load";

/**
 * "Privasi" (/konsol/privasi, admins): the rules the cadres' phones follow,
 * the server's retention of closed files, and the retention's dry run and run.
 */
export function PrivacyScreen() {
  const admin = currentUser().role === "admin";
  return (
    <section aria-labelledby="privacy-title" class="privacy-screen">
      <h1 id="privacy-title">{tp("title")}</h1>
      {admin ? <PrivacyPanels /> : <p>{tp("adminOnly")}</p>}
    </section>
  );
}

function PrivacyPanels() {
  const loaded = useLoad("privacy-settings", loadPrivacySettings);
  const [saved, setSaved] = useState<PrivacySettings | null>(null);
  const [version, setVersion] = useState(0);
  const settings = saved ?? loaded.data;
  return (
    <>
      <p class="lead">{tp("intro")}</p>
      <Status text={saved ? tp("saved") : null} />
      {loaded.error !== null && !settings && <ErrorNote error={loaded.error} onRetry={loaded.reload} />}
      {!settings && loaded.loading && <p class="muted">{tc("loading")}</p>}
      {settings && (
        <div class="privacy-layout">
          <SettingsForm
            value={settings}
            onSaved={(next) => {
              setSaved(next);
              // The dry run follows the retention just saved.
              setVersion((n) => n + 1);
            }}
          />
          <RetentionSection version={version} />
        </div>
      )}
    </>
  );
}
