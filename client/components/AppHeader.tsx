import { online } from "../connectivity";
import { locale, setLocale, t } from "../i18n";
import { currentPath, onLinkClick } from "../router";
import { trackNavText } from "../tracking/nav-words";

export function AppHeader() {
  const next = locale.value === "id" ? "en" : "id";
  const path = currentPath.value;
  const inDrafts = path.startsWith("/berkas") || path.startsWith("/masuk");
  const inTracking = path === "/lacak" || path.startsWith("/lacak/");
  const handedOver = path === "/survei" || path.startsWith("/survei/");
  const forConsole = path.startsWith("/masuk") && new URLSearchParams(location.search).get("ke") === "konsol";
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
        // The language's own name, spoken in that language: the name is exactly what is seen,
        // so speech-input users can say it (WCAG 2.5.3); what it does is the description.
        lang={next}
        title={t("switchLanguageLabel")}
        onClick={() => setLocale(next)}
      >
        {t("switchLanguage")}
      </button>
      {/* The console has its own navigation; the cadre tabs would only mislead there and on its sign-in.
          The survey is the citizen's, often on the cadre's phone handed over: no tabs to the cadre's files. */}
      {!path.startsWith("/konsol") && !forConsole && !handedOver && (
        <nav class="main-nav" aria-label={t("navLabel")}>
          <a href="/" onClick={onLinkClick} aria-current={inDrafts || inTracking ? undefined : "page"}>
            {t("navGuides")}
          </a>
          <a href="/berkas" onClick={onLinkClick} aria-current={inDrafts ? "page" : undefined}>
            {t("navDrafts")}
          </a>
          {/* A citizen holding a summary sheet: the status of their file, no account needed. */}
          <a href="/lacak" onClick={onLinkClick} aria-current={inTracking ? "page" : undefined}>
            {trackNavText()}
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
