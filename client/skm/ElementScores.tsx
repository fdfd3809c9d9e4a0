import type { SkmElementResult } from "../../shared/api/skm";
import { locale } from "../i18n";
import { formatNrr, formatScore, ts, weakestFirst } from "./skm-words";

/**
 * Each element's score as a table with a horizontal bar per row: the numbers
 * are text (read aloud, printed); the bar (NRR × 25 on 0–100) only shows it.
 * The width is set through the CSSOM (a style object), which the strict CSP allows.
 */
export function ElementScores({ elements, weakest = false }: { elements: SkmElementResult[]; weakest?: boolean }) {
  const lang = locale.value;
  const rows = weakest ? weakestFirst(elements) : elements;
  return (
    <table class="skm-elements" data-testid="skm-elements">
      <caption>
        {ts("elementsTitle")}
        {weakest ? <span class="skm-caption-note"> · {ts("elementsHelpWeakest")}</span> : null}
      </caption>
      <thead>
        <tr>
          <th scope="col">{ts("element")}</th>
          <th scope="col" class="num">
            {ts("nrr")}
          </th>
          <th scope="col" class="num">
            {ts("score")}
          </th>
          <th scope="col" class="skm-bar-col">
            <span class="visually-hidden">{ts("score")}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((element) => (
          <tr key={element.elementId} data-testid="skm-element" data-element={element.elementId}>
            <th scope="row">
              <span class="skm-element-id">{element.elementId}</span> {element.name[lang]}
            </th>
            <td class="num">{formatNrr(element.nrr)}</td>
            <td class="num" data-testid="skm-element-score">
              {formatScore(element.score)}
              {element.category ? ` (${element.category})` : ""}
            </td>
            <td class="skm-bar-col" aria-hidden="true">
              <span class="skm-bar">
                <span
                  class={`skm-bar-fill skm-cat-${element.category ?? "none"}`}
                  style={{ width: `${element.score ?? 0}%` }}
                />
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
