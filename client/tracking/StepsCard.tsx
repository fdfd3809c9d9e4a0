import type { PublicStatus } from "../../shared/api/tracking";
import { locale } from "../i18n";
import { tt } from "./messages";
import { stepTime, stepWord } from "./view";

/** Each step of the file with its date, newest last, as a receipt reads. */
export function StepsCard({ steps }: { steps: PublicStatus["steps"] }) {
  if (steps.length === 0) return null;
  return (
    <section class="card lacak-steps" aria-labelledby="lacak-steps-title">
      <h2 id="lacak-steps-title">{tt("stepsTitle")}</h2>
      <ol data-testid="lacak-steps">
        {steps.map((step) => (
          <li key={`${step.kind}-${step.at}`} data-kind={step.kind}>
            <strong>{stepWord(step.kind)}</strong>
            <time dateTime={step.at}>{stepTime(step.at, locale.value)}</time>
          </li>
        ))}
      </ol>
    </section>
  );
}
