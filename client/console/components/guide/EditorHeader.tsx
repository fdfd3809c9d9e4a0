import type { GuideAdminDetail } from "../../../../shared/api/console";
import { locale } from "../../../i18n";
import type { FieldIssue } from "../../api";
import { tc } from "../../messages";

type Titled = { title?: { id?: string; en?: string } } | null | undefined;

/** "Ubah panduan: Surat Keterangan Domisili": the service by the name the office saved, its id while it has none. */
export function editorTitle(id: string, detail: GuideAdminDetail | null): string {
  const saved = (detail?.published as Titled)?.title ?? (detail?.draft as Titled)?.title;
  const name = saved?.[locale.value]?.trim() || saved?.id?.trim();
  return name ? tc("editorTitle", { name }) : tc("editorTitleNew", { id });
}

/** The editor's title, where the guide stands (published, withdrawn, draft), and why the draft cannot be published yet. */
export function EditorHeader({
  id,
  detail,
  publishedVersion,
  issues,
}: {
  id: string;
  detail: GuideAdminDetail | null;
  publishedVersion: number | null;
  issues: FieldIssue[];
}) {
  return (
    <>
      <h1 id="editor-title">{editorTitle(id, detail)}</h1>
      <p class="muted small" data-testid="guide-state">
        {[
          publishedVersion !== null ? tc("published", { version: publishedVersion }) : null,
          detail?.withdrawn ? tc("withdrawn") : null,
          detail?.draft || publishedVersion === null ? tc("draft") : null,
        ]
          .filter(Boolean)
          .join(" · ")}
      </p>
      {issues.length > 0 && (
        <div class="warning" role="alert" data-testid="guide-issues">
          <ul class="plain-list small">
            {issues.slice(0, 30).map((issue, index) => (
              <li key={index}>
                <code>{issue.path.join(".") || "—"}</code>: {issue.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
