import { useState } from "preact/hooks";
import type { Draft } from "../../../shared/draft";
import type { Guide } from "../../../shared/guide";
import type { PrecheckResult } from "../../../shared/precheck";
import { locale } from "../../i18n";
import { shareText } from "../../share";
import { handoverText } from "../handover-text";
import { td } from "../messages";

/** The summary the resident keeps: shared as text (WhatsApp) or printed. */
export function Handover({
  guide,
  draft,
  result,
  tracking,
}: {
  guide: Guide;
  draft: Draft;
  result: PrecheckResult;
  /** The file's number and status link, once submitted. */
  tracking?: { number: string; link: string } | undefined;
}) {
  const [copied, setCopied] = useState(false);
  async function share() {
    const text = handoverText(guide, draft, result, locale.value, tracking);
    setCopied((await shareText(guide.title[locale.value], text)) === "copied");
  }
  return (
    <section class="card no-print" aria-labelledby="handover-title">
      <h2 id="handover-title">{td("handoverTitle")}</h2>
      <div class="actions">
        <button type="button" class="button primary" onClick={() => void share()}>
          {td("shareSummary")}
        </button>
        <button type="button" class="button" onClick={() => window.print()}>
          {td("printSummary")}
        </button>
      </div>
      {copied && (
        <p role="status" class="muted small">
          {td("copied")}
        </p>
      )}
    </section>
  );
}
