import { account } from "../account/session";
import { onLinkClick } from "../router";
import { tv } from "./messages";
import type { VoiceItem } from "./outbox";
import { QueuedNotice, useVoiceItem } from "./QueuedNotice";

/** "Terima kasih": the answers are on the phone (or sent), and where to go next. */
export function SurveyThanks({
  item,
  number,
  onDiscarded,
}: {
  item: VoiceItem;
  number: string | null;
  onDiscarded: () => void;
}) {
  const latest = useVoiceItem(item.id) ?? item;
  return (
    <section class="voice-thanks" aria-labelledby="voice-thanks-title" data-testid="survey-thanks">
      {latest.state === "refused" ? (
        <h2 id="voice-thanks-title">{tv("unsentTitle")}</h2>
      ) : (
        <>
          <h2 id="voice-thanks-title">{tv("thanksTitle")}</h2>
          <p class="lead">{tv("thanksSurvey")}</p>
        </>
      )}
      <QueuedNotice item={latest} onDiscarded={onDiscarded} />
      {account.value && <p class="card notice">{tv("handBack")}</p>}
      <p>
        {number ? (
          <a class="button wide" href={`/lacak/${number}`} onClick={onLinkClick}>
            {tv("backToStatus")}
          </a>
        ) : (
          <a class="button wide" href="/" onClick={onLinkClick}>
            {tv("home")}
          </a>
        )}
      </p>
    </section>
  );
}
