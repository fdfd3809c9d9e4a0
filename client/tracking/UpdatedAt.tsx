import { formatDateTime, formatRelative } from "../format";
import { locale } from "../i18n";
import { tt } from "./messages";

/** "Terakhir diperbarui 5 menit yang lalu (2 Des 2026, 20.58)": when this phone last heard from the office. */
export function UpdatedAt({ at, now }: { at: string; now: Date }) {
  const lang = locale.value;
  const when = new Date(at);
  // Intl says "menit ini" for under a minute; people say "baru saja".
  const relative =
    Math.abs(now.getTime() - when.getTime()) < 60_000 ? tt("justNow") : formatRelative(when, lang, now.getTime());
  const absolute = formatDateTime(when, lang);
  return (
    <p class="lacak-updated" data-testid="lacak-updated">
      {tt("lastUpdated", { when: relative })} {relative !== absolute && <time dateTime={at}>({absolute})</time>}
    </p>
  );
}
