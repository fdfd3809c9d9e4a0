import { online } from "../connectivity";
import { locale, setLocale, t } from "../i18n";
import { currentPath, onLinkClick } from "../router";

export function AppHeader() {
  const next = locale.value === "id" ? "en" : "id";
  const path = currentPath.value;
  const inDrafts = path.startsWith("/berkas") || path.startsWith("/masuk");
  return (
    <header class="app-header">
      <a class="brand" href="/" onClick={onLinkClick}>
        <img src="/icons/icon.svg" alt="" width="28" height="28" />
        <span>
          <strong>{t("appName")}</strong>
          <small>{t("appTagline")}</small>
        </span>
      </a>
      <button
        type="button"
        class="lang-switch"
        lang={next}
        // The visible code leads the name, so speech-input users can say what they see (WCAG 2.5.3).
        aria-label={`${next === "en" ? "EN" : "ID"}: ${t("switchLanguageLabel")}`}
        onClick={() => setLocale(next)}
      >
        {next === "en" ? "EN" : "ID"}
      </button>
      {/* The console has its own navigation; the cadre tabs would only mislead there. */}
      {!path.startsWith("/konsol") && (
        <nav class="main-nav" aria-label={t("navLabel")}>
          <a href="/" onClick={onLinkClick} aria-current={inDrafts ? undefined : "page"}>
            {t("navGuides")}
          </a>
          <a href="/berkas" onClick={onLinkClick} aria-current={inDrafts ? "page" : undefined}>
            {t("navDrafts")}
          </a>
        </nav>
      )}
      {!online.value && (
        <p class="offline-badge" role="status">
          <span aria-hidden="true" class="dot" />
          {t("offline")}
        </p>
      )}
    </header>
  );
}
