import type { SkmResults } from "../../shared/api/skm";
import { categoryName, formatCount, formatScore, ts } from "./skm-words";
import { WithoutFileNote } from "./WithoutFileNote";

/** The index, big, with its category letter and words; the respondents against the minimum sample beneath. */
export function IkmFigure({ results }: { results: SkmResults }) {
  // With no file decided (population 0) the minimum sample says nothing; with no respondent neither does "enough".
  const sampled = results.minimumSample !== null && results.minimumSample > 0;
  const enough = sampled && results.respondents > 0 ? results.sampleEnough : null;
  return (
    <div class="skm-figure" data-testid="skm-figure">
      {results.ikm === null || results.category === null ? (
        <p class="skm-empty">{ts("noResponses")}</p>
      ) : (
        <div class="skm-headline">
          <p class="skm-ikm">
            <span class="skm-label">{ts("ikm")}</span>
            <span class="skm-ikm-value" data-testid="skm-ikm">
              {formatScore(results.ikm)}
            </span>
          </p>
          <p class={`skm-category skm-cat-${results.category}`}>
            <span class="skm-label">{ts("category")}</span>
            <span class="skm-letter" data-testid="skm-category">
              {results.category}
            </span>
            <span class="skm-category-name">{categoryName(results.category)}</span>
          </p>
        </div>
      )}
      <p class="skm-sample" data-testid="skm-sample">
        {sampled
          ? ts("respondentsOf", {
              count: formatCount(results.respondents),
              minimum: formatCount(results.minimumSample ?? 0),
            })
          : ts("respondentsOnly", { count: formatCount(results.respondents) })}
        {enough !== null && (
          <>
            {" — "}
            <strong class={enough ? "sample-enough" : "sample-short"} data-testid="skm-sample-enough">
              {ts(enough ? "sampleEnough" : "sampleShort")}
            </strong>
          </>
        )}
      </p>
      <WithoutFileNote results={results} />
      <p class="skm-population">
        {results.population === null
          ? ts("populationUnknown")
          : ts("population", { count: formatCount(results.population) })}
      </p>
    </div>
  );
}
