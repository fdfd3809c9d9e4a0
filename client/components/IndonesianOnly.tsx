import type { ComponentChildren } from "preact";
import { locale, t } from "../i18n";

/**
 * Source text that exists only in Bahasa Indonesia (legal citations, the
 * source note). In the English UI it is tagged lang="id", so a screen reader
 * reads it with an Indonesian voice, and marked so the reader knows why.
 */
export function IndonesianOnlyMarker() {
  if (locale.value === "id") return null;
  return <span class="lang-marker">{t("indonesianOnly")}</span>;
}

/** A paragraph of Indonesian-only text with its marker. */
export function IndonesianOnlyText({ children, class: className }: { children: ComponentChildren; class?: string }) {
  return (
    <p class={className}>
      <span lang="id">{children}</span> <IndonesianOnlyMarker />
    </p>
  );
}
