import { catalogueLoaded, listedGuides } from "../catalogue/store";
import { CatalogueEmpty } from "../components/CatalogueEmpty";
import { CatalogueStatus } from "../components/CatalogueStatus";
import { GuideList } from "../components/GuideList";
import { formatNumber } from "../format";
import { type MessageKey, t } from "../i18n";
import { category, query, results, usedCategories } from "./home-results";

export function HomeScreen() {
  const list = results.value;
  return (
    <>
      <search class="search-panel">
        {/* The search is what this page is for, so its label is the page's one h1. */}
        <h1 class="search-label">
          <label for="search">{t("searchLabel")}</label>
        </h1>
        <div class="search-field">
          <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
            <path d="M10 4a6 6 0 1 0 3.6 10.8l4.3 4.3 1.4-1.4-4.3-4.3A6 6 0 0 0 10 4Zm0 2a4 4 0 1 1 0 8 4 4 0 0 1 0-8Z" />
          </svg>
          <input
            id="search"
            type="search"
            inputMode="search"
            enterKeyHint="search"
            autoComplete="off"
            placeholder={t("searchPlaceholder")}
            value={query.value}
            onInput={(event) => (query.value = event.currentTarget.value)}
          />
        </div>
        <fieldset class="chips">
          <legend class="visually-hidden">{t("categoriesLabel")}</legend>
          <button type="button" class="chip" aria-pressed={category.value === ""} onClick={() => (category.value = "")}>
            {t("allCategories")}
          </button>
          {usedCategories.value.map((c) => (
            <button
              key={c}
              type="button"
              class="chip"
              aria-pressed={category.value === c}
              onClick={() => (category.value = category.value === c ? "" : c)}
            >
              {t(`category.${c}` as MessageKey)}
            </button>
          ))}
        </fieldset>
      </search>

      {/* A first visit's inline summary is listed at once, before the saved catalogue has been read. */}
      {listedGuides.value.length > 0 ? (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading" class="results-count" aria-live="polite">
            {t("resultsCount", { count: formatNumber(list.length) })}
          </h2>
          {list.length === 0 ? (
            <p class="card notice">{t("noResults", { query: query.value.trim() })}</p>
          ) : (
            // New words or another category: the list starts again from its first page.
            <GuideList resetKey={`${query.value.trim()}\n${category.value}`} guides={list} />
          )}
        </section>
      ) : !catalogueLoaded.value ? (
        <p class="muted">{t("loadingCatalogue")}</p>
      ) : (
        <CatalogueEmpty />
      )}
      <CatalogueStatus />
    </>
  );
}
