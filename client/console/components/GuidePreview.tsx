import { useState } from "preact/hooks";
import type { Answers, AnswerValue } from "../../../shared/conditions";
import type { Guide } from "../../../shared/guide";
import { Checklist } from "../../components/Checklist";
import { GuideFactsList } from "../../components/GuideFactsList";
import { SelfCheck } from "../../components/SelfCheck";
import { locale, t } from "../../i18n";

/** The guide as a cadre's phone shows it, built from the same components. */
export function GuidePreview({ guide }: { guide: Guide }) {
  const lang = locale.value;
  const [answers, setAnswers] = useState<Answers>({});
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  return (
    <article class="guide guide-preview" data-testid="guide-preview">
      <h2>{guide.title[lang]}</h2>
      <p class="lead">{guide.summary[lang]}</p>
      <GuideFactsList guide={guide} />
      <SelfCheck
        guide={guide}
        answers={answers}
        onAnswer={(questionId: string, value: AnswerValue) => setAnswers({ ...answers, [questionId]: value })}
        onReset={() => setAnswers({})}
      />
      <Checklist
        guide={guide}
        answers={answers}
        ticked={ticked}
        onToggle={(id) => {
          const next = new Set(ticked);
          if (next.has(id)) next.delete(id);
          else next.add(id);
          setTicked(next);
        }}
      />
      <section class="card">
        <h3>{t("stepsTitle")}</h3>
        <ol class="steps">
          {guide.steps.map((step, index) => (
            <li key={index}>{step[lang]}</li>
          ))}
        </ol>
      </section>
      <section class="card">
        <h3>{t("whereTitle")}</h3>
        <p>{guide.submission.where[lang]}</p>
        {guide.submission.hours && (
          <p>
            <strong>{t("hoursLabel")}:</strong> {guide.submission.hours[lang]}
          </p>
        )}
      </section>
      <section class="card">
        <h3>{t("legalTitle")}</h3>
        <ul class="plain-list">
          {guide.legalBasis.map((basis) => (
            <li key={basis}>{basis}</li>
          ))}
        </ul>
      </section>
    </article>
  );
}
