import type { GuideVersionInfo } from "../../../../shared/api/console";
import { formatDateTime } from "../../../format";
import { locale } from "../../../i18n";
import { tc } from "../../messages";

/** Every published version: when, by whom, the note cadres saw, and whether it bound unsent files. */
export function VersionList({ versions }: { versions: GuideVersionInfo[] }) {
  const lang = locale.value;
  return (
    <section class="card" aria-labelledby="versions-title">
      <h2 id="versions-title">{tc("versionsTitle")}</h2>
      <ul class="plain-list small">
        {versions.map((v) => (
          <li key={v.version}>
            v{v.version} · {formatDateTime(new Date(v.publishedAt), lang)}
            {v.publishedBy ? ` · ${v.publishedBy}` : ""}
            {v.changeNote ? ` — ${v.changeNote}` : ""}
            {v.binding && v.version > 1 ? ` · ${tc("bindingMark")}` : ""}
          </li>
        ))}
      </ul>
    </section>
  );
}
