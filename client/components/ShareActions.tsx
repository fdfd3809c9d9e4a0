import { useState } from "preact/hooks";
import type { Answers } from "../../shared/conditions";
import type { Guide } from "../../shared/guide";
import { guideShareText } from "../guide/share-text";
import { locale, t } from "../i18n";
import { shareText } from "../share";

/** Web Share where the phone has it; otherwise copy the text, with a WhatsApp link beside it. */
export function ShareActions({ guide, answers }: { guide: Guide; answers: Answers }) {
  const [copied, setCopied] = useState(false);
  const text = () => guideShareText(guide, answers, locale.value, location.href);

  async function share() {
    setCopied((await shareText(guide.title[locale.value], text())) === "copied");
  }

  return (
    <div class="actions no-print">
      <button type="button" class="button primary" onClick={() => void share()}>
        {t("share")}
      </button>
      <button type="button" class="button" onClick={() => window.print()}>
        {t("print")}
      </button>
      <a class="button ghost" href={`https://wa.me/?text=${encodeURIComponent(text())}`} target="_blank" rel="noopener">
        {t("shareWhatsApp")}
      </a>
      {copied && (
        <p role="status" class="muted small">
          {t("copied")}
        </p>
      )}
    </div>
  );
}
