import "../tracking-styles.css";
import { signal } from "@preact/signals";
import { useEffect, useState } from "preact/hooks";
import type { DeleteRefusal } from "../../shared/review/workflow";
import { clockShortText } from "../../shared/service-time/words";
import { guides, guidesById } from "../catalogue/store";
import { online } from "../connectivity";
import type { AttentionRow, DraftRow, RemoteRow } from "../db/local-db";
import { localDb } from "../db/local-db";
import { AccountPanel } from "../drafts/components/AccountPanel";
import { ConfirmDialog } from "../drafts/components/ConfirmDialog";
import { ScrubbedNote } from "../drafts/components/ScrubbedNote";
import { StoragePanel } from "../drafts/components/StoragePanel";
import { SyncBar } from "../drafts/components/SyncBar";
import { rejectionText, td } from "../drafts/messages";
import { deleteRefusalOf, statusOf } from "../drafts/status";
import { statusChanged } from "../drafts/status-seen";
import { draftRepository, runPrecheck } from "../drafts/store";
import { clockViewOf, useClosedDates } from "../drafts/tracking";
import { formatRelative } from "../format";
import { locale } from "../i18n";
import { draftPath, navigate, onLinkClick } from "../router";
import { FarewellNotice } from "../sync/FarewellNotice";
import { syncView } from "../sync/state";
import { onKeyChange } from "../vault/keyring";

/**
 * What the cadre typed into the search: often a name or a NIK. In memory only (never sessionStorage,
 * which a locked phone's developer tools read) and forgotten whenever the key changes: the app
 * locks, or another cadre's profile opens in the same tab after a sign-out.
 */
const query = signal("");
onKeyChange(() => {
  query.value = "";
});
try {
  // Left by versions that kept the query in sessionStorage.
  sessionStorage.removeItem("masdarin.drafts.search");
} catch {
  // Storage blocked: nothing was kept.
}
const SHOWN = 100;

interface Listed {
  row: DraftRow;
  title: string;
  progress: { ok: number; total: number } | null;
  remote: RemoteRow | undefined;
  /** Changes of this file wait in the outbox. */
  waiting: boolean;
  /** Why the cadre may not delete it (the office has it), or null. */
  locked: DeleteRefusal | null;
}

const LOCKED_WORDS = { submitted: "notDeletableSubmitted", received: "notDeletableReceived" } as const;

export function DraftsScreen() {
  const lang = locale.value;
  const [items, setItems] = useState<Listed[] | null>(null);
  const [undo, setUndo] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<{ row: DraftRow; title: string } | null>(null);
  const [reuseFrom, setReuseFrom] = useState<DraftRow | null>(null);
  const [reuseGuide, setReuseGuide] = useState("");
  const [version, setVersion] = useState(0);
  const [attention, setAttention] = useState<AttentionRow[]>([]);
  const closed = useClosedDates();
  // A finished sync changes statuses: list again.
  const syncs = syncView.value.lastSyncAt?.getTime() ?? 0;

  useEffect(() => {
    document.title = `${td("draftsTitle")} — Masdarin`;
    void draftRepository.purgeDeleted();
  }, []);

  useEffect(() => {
    let live = true;
    void (async () => {
      const rows = await draftRepository.list(query.value);
      const [remotes, waiting, refused] = await Promise.all([
        localDb.remote.bulkGet(rows.slice(0, SHOWN).map((row) => row.id)),
        localDb.outbox.orderBy("draftId").uniqueKeys(),
        localDb.attention.toArray(),
      ]);
      const waitingDrafts = new Set(waiting.map(String));
      const listed: Listed[] = [];
      for (const [index, row] of rows.slice(0, SHOWN).entries()) {
        const remote: RemoteRow | undefined = remotes[index];
        const pinned = await draftRepository.pinnedGuide(row);
        const result = pinned ? runPrecheck(pinned, row) : null;
        listed.push({
          row,
          title: pinned?.title[lang] ?? guidesById.value.get(row.guideId)?.title[lang] ?? row.guideId,
          progress: result ? { ok: result.counts.ok, total: result.counts.applicable } : null,
          remote,
          waiting: waitingDrafts.has(row.id),
          locked: deleteRefusalOf(row, remote),
        });
      }
      if (live) {
        setItems(listed);
        setAttention(refused);
      }
    })();
    return () => {
      live = false;
    };
  }, [query.value, lang, version, syncs]);

  async function remove(id: string) {
    await draftRepository.softDelete(id);
    setUndo(id);
    setVersion((v) => v + 1);
  }

  async function reuse() {
    const guide = guidesById.value.get(reuseGuide);
    if (!reuseFrom || !guide) return;
    const id = await draftRepository.create(guide, reuseFrom.applicant);
    navigate(draftPath(id));
  }

  return (
    <>
      <h1>{td("draftsTitle")}</h1>
      <SyncBar />
      {/* After the office cut this phone off: what was sent, and that the files left the phone. */}
      <FarewellNotice kind="erased" />
      {attention.length > 0 && (
        <section class="card error-banner" aria-labelledby="attention-title">
          <h2 id="attention-title">{td("attentionTitle")}</h2>
          <ul>
            {attention.map((item) => (
              <li key={item.mutationId}>
                <a href={draftPath(item.draftId)} onClick={onLinkClick}>
                  {td("attentionItem", {
                    name: items?.find((i) => i.row.id === item.draftId)?.row.applicant.fullName || td("unnamed"),
                    reason: rejectionText(item.code),
                  })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div class="search-field plain">
        <label for="drafts-search" class="visually-hidden">
          {td("draftsSearchLabel")}
        </label>
        <input
          id="drafts-search"
          type="search"
          placeholder={td("draftsSearchLabel")}
          autoComplete="off"
          value={query.value}
          onInput={(event) => (query.value = event.currentTarget.value)}
        />
      </div>
      {undo && (
        <p class="toast" role="status">
          {td("deleted")}{" "}
          <button
            type="button"
            class="button small"
            onClick={() =>
              void draftRepository.undoDelete(undo).then(() => {
                setUndo(null);
                setVersion((v) => v + 1);
              })
            }
          >
            {td("undo")}
          </button>
        </p>
      )}
      {items === null ? null : items.length === 0 ? (
        <p class="card notice">{query.value.trim() ? td("noMatch") : td("draftsEmpty")}</p>
      ) : (
        <>
          <p class="results-count">{td("draftsCount", { count: items.length })}</p>
          <ul class="draft-list">
            {items.map(({ row, title, progress, remote, waiting, locked }) => (
              <li key={row.id} class="draft-card">
                <a href={draftPath(row.id)} onClick={onLinkClick}>
                  <strong class="draft-name">
                    {row.scrubbedAt ? title : row.applicant.fullName.trim() || td("unnamed")}
                  </strong>
                  {row.scrubbedAt ? <ScrubbedNote row={row} remote={remote} /> : <span>{title}</span>}
                  {remote?.trackingNumber && (
                    <span class="tracking-number" translate={false}>
                      {remote.trackingNumber}
                    </span>
                  )}
                </a>
                <span class="draft-facts">
                  <StatusPill row={row} remote={remote} waiting={waiting} />
                  {statusChanged(remote) && (
                    <span class="status-changed" data-testid="status-changed">
                      {td("statusChanged")}
                    </span>
                  )}
                  <ClockShort remote={remote} closed={closed} />
                  {progress && !row.scrubbedAt && (
                    <span>{td("progress", { ok: progress.ok, total: progress.total })}</span>
                  )}
                  <span class="muted">{td("editedAt", { when: formatRelative(new Date(row.updatedAt), lang) })}</span>
                </span>
                <span class="draft-actions">
                  {!row.scrubbedAt && (
                    <button type="button" class="button ghost small" onClick={() => setReuseFrom(row)}>
                      {td("reuseApplicant")}
                    </button>
                  )}
                  {locked ? (
                    <span class="not-deletable">{td(LOCKED_WORDS[locked])}</span>
                  ) : (
                    <button
                      type="button"
                      class="button ghost small danger"
                      aria-label={`${td("delete")}: ${row.applicant.fullName || td("unnamed")} — ${title}`}
                      onClick={() => setConfirming({ row, title })}
                    >
                      {td("delete")}
                    </button>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {confirming && (
        <ConfirmDialog
          title={td("deleteConfirmTitle", { name: confirming.row.applicant.fullName.trim() || td("unnamed") })}
          confirmLabel={td("deleteConfirmYes")}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            const { row } = confirming;
            setConfirming(null);
            void remove(row.id);
          }}
        >
          <p>{td("deleteConfirmBody", { service: confirming.title })}</p>
        </ConfirmDialog>
      )}
      {reuseFrom && (
        <section class="card" aria-labelledby="reuse-title">
          <h2 id="reuse-title">{td("reuseApplicant")}</h2>
          <p>{reuseFrom.applicant.fullName || td("unnamed")}</p>
          <label for="reuse-guide">{td("reuseChoose")}</label>
          <select id="reuse-guide" value={reuseGuide} onChange={(e) => setReuseGuide(e.currentTarget.value)}>
            <option value="">{td("choose")}</option>
            {guides.value.map((guide) => (
              <option key={guide.id} value={guide.id}>
                {guide.title[lang]}
              </option>
            ))}
          </select>
          <div class="actions">
            <button type="button" class="button primary" disabled={!reuseGuide} onClick={() => void reuse()}>
              {td("reuseCreate")}
            </button>
            <button type="button" class="button ghost" onClick={() => setReuseFrom(null)}>
              {td("cancel")}
            </button>
          </div>
        </section>
      )}
      <AccountPanel onSignedOut={() => setVersion((v) => v + 1)} />
      <StoragePanel />
    </>
  );
}

/** Today's clock in a few words ("Sisa 3 hari kerja"), once the office has received the file. */
function ClockShort({ remote, closed }: { remote: RemoteRow | undefined; closed: readonly string[] }) {
  const view = clockViewOf(remote?.clock, closed, new Date());
  if (!view) return null;
  return (
    <span class={`clock-short ${view.urgency ?? view.state}`} data-testid="clock-short">
      {clockShortText(view, locale.value)}
    </span>
  );
}

/** Read at render: "Sedang dikirim…" only while a round runs and the phone has a network. */
function StatusPill({ row, remote, waiting }: { row: DraftRow; remote: RemoteRow | undefined; waiting: boolean }) {
  const status = statusOf(row, remote, waiting, syncView.value.running && online.value);
  return <span class={`status-pill ${status.tone}`}>{td(status.key)}</span>;
}
