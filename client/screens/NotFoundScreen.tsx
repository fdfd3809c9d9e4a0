import { t } from "../i18n";
import { onLinkClick } from "../router";

export function NotFoundScreen() {
  return (
    <section class="card">
      <h1>{t("notFoundTitle")}</h1>
      <p>
        <a class="back-link" href="/" onClick={onLinkClick}>
          ← {t("back")}
        </a>
      </p>
    </section>
  );
}
