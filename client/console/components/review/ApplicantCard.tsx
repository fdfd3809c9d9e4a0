import type { ApplicationDetail } from "../../../../shared/api/console";
import type { Guide } from "../../../../shared/guide";
import { formatDay } from "../../../format";
import { locale } from "../../../i18n";
import { villageName } from "../../lookups";
import { tc } from "../../messages";
import { isScrubbed } from "../../privacy/scrubbed";
import { tp } from "../../privacy-messages";

export function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value || tc("none")}</dd>
    </div>
  );
}

/** The applicant's data and the answers to the guide's questions, as the cadre entered them. */
export function ApplicantCard({ app, guide }: { app: ApplicationDetail; guide: Guide | undefined }) {
  const lang = locale.value;
  const a = app.content.applicant;
  if (isScrubbed(app.content)) {
    return (
      <section class="card" aria-labelledby="applicant-title">
        <h2 id="applicant-title">{tp("scrubbed")}</h2>
        <p>{tp("scrubbedHelp")}</p>
      </section>
    );
  }
  return (
    <>
      <section class="card" aria-labelledby="applicant-title">
        <h2 id="applicant-title">{tc("applicantTitle")}</h2>
        <dl class="console-facts">
          <Fact label={tc("fullName")} value={a.fullName} />
          <Fact label={tc("nik")} value={a.nik} />
          <Fact label={tc("kk")} value={a.kk} />
          <Fact label={tc("birthDate")} value={a.birthDate ? formatDay(a.birthDate, lang) : ""} />
          <Fact label={tc("sex")} value={a.sex ? tc(a.sex) : ""} />
          <Fact label={tc("phone")} value={a.phone} />
          <Fact
            label={tc("address")}
            value={`${a.address.street} RT ${a.address.rt}/RW ${a.address.rw}, ${villageName(a.address.villageCode)}`}
          />
        </dl>
      </section>
      {Object.keys(app.content.answers).length > 0 && (
        <section class="card" aria-labelledby="answers-title">
          <h2 id="answers-title">{tc("answersTitle")}</h2>
          <dl class="console-facts">
            {Object.entries(app.content.answers).map(([questionId, value]) => {
              const question = guide?.questions.find((q) => q.id === questionId);
              const shown =
                typeof value === "boolean"
                  ? tc(value ? "yes" : "no")
                  : question?.kind === "choice"
                    ? (question.options.find((o) => o.value === value)?.label[lang] ?? value)
                    : value;
              return <Fact key={questionId} label={question?.text[lang] ?? questionId} value={shown} />;
            })}
          </dl>
        </section>
      )}
    </>
  );
}
