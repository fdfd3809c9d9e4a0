import type { Draft } from "../../../shared/draft";
import type { Requirement } from "../../../shared/guide";
import { renderStatement, STAMP_WORDS } from "../../../shared/statements/render";
import { td } from "../messages";
import { regionIndex } from "../store";

/** The statement as printed: the guide's text filled with the applicant's data, with room to sign. */
export function StatementSheet({
  draft,
  requirement,
  signedOn,
}: {
  draft: Draft;
  requirement: Requirement;
  signedOn: string;
}) {
  // The office reads Indonesian: the statement is always printed in Indonesian, whatever the app's language.
  const lang = "id";
  const sheet = renderStatement(requirement, draft.applicant, {
    locale: lang,
    regions: regionIndex(),
    ...(signedOn ? { signedOn } : {}),
  });
  return (
    <article class="statement-sheet">
      <h2>{sheet.title}</h2>
      <p>{sheet.intro}</p>
      <dl class="statement-identity">
        {sheet.identity.map((row) => (
          <div key={row.label}>
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
      <p>{sheet.body}</p>
      <p>{sheet.closing}</p>
      <p class="statement-date">{sheet.placeAndDate}</p>
      <div class="statement-signatures">
        <div class="statement-signer">
          <p>{sheet.signer}</p>
          {sheet.stamped && <span class="statement-stamp">{STAMP_WORDS[lang]}</span>}
          <p class="statement-name">{sheet.signerName}</p>
        </div>
        {sheet.cosigners.map((role, index) => (
          <div class="statement-signer" key={`cosigner-${index + 1}`}>
            <p>{role}</p>
            <p class="statement-name">(……………………)</p>
          </div>
        ))}
        {Array.from({ length: sheet.witnesses }, (_, index) => (
          <div class="statement-signer" key={`witness-${index + 1}`}>
            <p>{td("statementWitness", { n: index + 1 })}</p>
            <p class="statement-name">(……………………)</p>
          </div>
        ))}
      </div>
    </article>
  );
}
