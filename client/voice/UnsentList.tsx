import { useEffect, useState } from "preact/hooks";
import { formatDateTime } from "../format";
import { locale } from "../i18n";
import { outboxRound } from "./flush";
import { tv } from "./messages";
import { unsent, type VoiceItem } from "./outbox";
import { QueuedNotice } from "./QueuedNotice";

/**
 * "Belum terkirim": surveys and complaints still on this phone, waiting or
 * refused by the office, so none is lost from sight when the citizen leaves
 * the thanks screen. `except`: the entry the screen already shows. Never a
 * file number or text: on a shared phone the next person sees only that
 * something waits.
 */
export function UnsentList({ except }: { except?: string | undefined }) {
  const [rows, setRows] = useState<VoiceItem[]>([]);
  const round = outboxRound.value;
  useEffect(() => {
    let live = true;
    void unsent()
      .catch(() => [])
      .then((list) => {
        if (live) setRows(list.filter((row) => row.id !== except));
      });
    return () => {
      live = false;
    };
  }, [round, except]);
  if (rows.length === 0) return null;
  const lang = locale.value;
  return (
    <section class="voice-unsent" aria-labelledby="voice-unsent-title" data-testid="voice-unsent">
      <h2 id="voice-unsent-title">{tv("unsentTitle")}</h2>
      <ul>
        {rows.map((row) => (
          <li key={row.id}>
            <p class="voice-unsent-what">
              <strong>{tv(row.kind === "survey" ? "kindSurvey" : "kindComplaint")}</strong>
              {" · "}
              {formatDateTime(new Date(row.createdAt), lang)}
            </p>
            <QueuedNotice item={row} onDiscarded={() => setRows((list) => list.filter((r) => r.id !== row.id))} />
          </li>
        ))}
      </ul>
    </section>
  );
}
