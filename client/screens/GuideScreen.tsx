import { useEffect, useState } from "preact/hooks";
import { catalogueLoaded, guidesById, onlySummary, summaryGuides } from "../catalogue/store";
import { Checklist } from "../components/Checklist";
import { GuideFactsList } from "../components/GuideFactsList";
import { GuidePending } from "../components/GuidePending";
import { IndonesianOnlyMarker, IndonesianOnlyText } from "../components/IndonesianOnly";
import { SelfCheck } from "../components/SelfCheck";
import { ShareActions } from "../components/ShareActions";
import { useSelfCheck } from "../guide/use-self-check";
import { locale, t } from "../i18n";
import { draftPath, navigate, onLinkClick } from "../router";
import { vault } from "../vault/view";

/**
 * The vault has opened or said it is locked. On a new phone it opens after the first screen (main.tsx):
 * a tap on "Buat berkas" before that waits for it, instead of being taken for a locked vault.
 */
function vaultSettled(): Promise<void> {
  if (vault.peek().kind !== "loading") return Promise.resolve();
  return new Promise((resolve) => {
    const stop = vault.subscribe((view) => {
      if (view.kind === "loading") return;
      // Called after subscribe returned: the first (synchronous) call saw "loading".
      stop();
      resolve();
    });
  });
}

export function GuideScreen({ id }: { id: string }) {
  const guide = guidesById.value.get(id);
  const lang = locale.value;
  const selfCheck = useSelfCheck(id);
  const [startFailed, setStartFailed] = useState(false);

  useEffect(() => {
    if (guide) document.title = `${guide.title[lang]} — Masdarin`;
  }, [guide, lang]);

  if (!guide) {
    // Listed from a first visit's summary, the full catalogue still on its way.
    const listed = onlySummary.value ? summaryGuides.value.find((summary) => summary.id === id) : undefined;
    if (listed) {
      return (
        <article class="guide">
          <BackLink />
          <GuidePending guide={listed} />
        </article>
      );
    }
    return catalogueLoaded.value ? (
      <section class="card">
        <h1>{t("guideNotFound")}</h1>
        <BackLink />
      </section>
    ) : (
      <p class="muted">{t("loadingCatalogue")}</p>
    );
  }

  return (
    <article class="guide">
      <BackLink />
      <h1>{guide.title[lang]}</h1>
      <p class="lead">{guide.summary[lang]}</p>

      <GuideFactsList guide={guide} />

      <button
        type="button"
        class="button primary wide no-print"
        onClick={() =>
          void vaultSettled()
            .then(() => import("../drafts/store"))
            .then(async ({ draftRepository }) => navigate(draftPath(await draftRepository.create(guide))))
            // Locked: the files list shows the lock screen; after the PIN the cadre starts the file again.
            .catch((error: unknown) =>
              (error as { name?: string }).name === "VaultLockedError" ? navigate("/berkas") : setStartFailed(true),
            )
        }
      >
        {t("startDraft")}
      </button>
      {startFailed && (
        <p class="field-error" role="alert">
          {t("startDraftFailed")}
        </p>
      )}

      <SelfCheck
        guide={guide}
        answers={selfCheck.answers}
        onAnswer={selfCheck.setAnswer}
        onReset={selfCheck.resetAnswers}
      />
      <Checklist guide={guide} answers={selfCheck.answers} ticked={selfCheck.ticked} onToggle={selfCheck.toggle} />

      <section class="card" aria-labelledby="steps-title">
        <h2 id="steps-title">{t("stepsTitle")}</h2>
        <ol class="steps">
          {guide.steps.map((step, index) => (
            <li key={index}>{step[lang]}</li>
          ))}
        </ol>
      </section>

      <section class="card" aria-labelledby="where-title">
        <h2 id="where-title">{t("whereTitle")}</h2>
        <p>{guide.submission.where[lang]}</p>
        <p class="channels">
          {guide.submission.channels.map((channel) => (
            <span key={channel} class="tag">
              {channel === "online" ? t("channelOnline") : t("channelInPerson")}
            </span>
          ))}
        </p>
        {guide.submission.hours && (
          <p>
            <strong>{t("hoursLabel")}:</strong> {guide.submission.hours[lang]}
          </p>
        )}
        {guide.submission.url && (
          <p class="no-print">
            <a class="standalone-link" href={guide.submission.url} target="_blank" rel="noopener">
              {t("openWebsite")} ↗
            </a>
          </p>
        )}
      </section>

      <section class="card" aria-labelledby="legal-title">
        <h2 id="legal-title">
          {t("legalTitle")} <IndonesianOnlyMarker />
        </h2>
        {/* Citations are the regulations' own titles: Indonesian whatever the UI language. */}
        <ul class="plain-list" lang="id">
          {guide.legalBasis.map((basis) => (
            <li key={basis}>{basis}</li>
          ))}
        </ul>
      </section>

      <section class="card" aria-labelledby="complaint-title">
        <h2 id="complaint-title">{t("complaintTitle")}</h2>
        <p>{guide.complaint[lang]}</p>
      </section>

      <ShareActions guide={guide} answers={selfCheck.answers} />

      <aside class="source-note">
        <h2>{t("sourceTitle")}</h2>
        {guide.source.needsOfficeConfirmation && <p class="warning">{t("needsConfirmation")}</p>}
        <IndonesianOnlyText class="small">{guide.source.note}</IndonesianOnlyText>
        <p class="small">{t("version", { version: guide.version })}</p>
      </aside>
    </article>
  );
}

function BackLink() {
  return (
    <a class="back-link no-print" href="/" onClick={onLinkClick}>
      ← {t("back")}
    </a>
  );
}
