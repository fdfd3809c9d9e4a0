import { effect } from "@preact/signals";
import type { LocalDb } from "../db/local-db";
import { dropKey } from "./keyring";
import { lockVault, vault } from "./vault";
import type { VaultView } from "./view";

/**
 * Every tab of the app (and the installed app beside the browser) holds its
 * own copy of the data key. When the cadre leaves in one tab (signs out, or
 * another cadre signs in and parks their profile), or taps "Kunci sekarang",
 * the others must not stay open on that key: they drop it and read the
 * vault again from the database. An idle tab's own timer locks only itself:
 * the tab in use stays open.
 */
const CHANNEL = "masdarin-vault";

type Message = { kind: "profile-changed" } | { kind: "lock" };

let channel: BroadcastChannel | null = null;
/** Set while this tab follows another tab's news, so it does not announce the change back. */
let following = false;

function post(message: Message): void {
  try {
    channel?.postMessage(message);
  } catch {
    // A closed channel (the tab is going away): nothing to tell.
  }
}

/** "Kunci sekarang": this tab locks, and so does every other. */
export function announceLock(): void {
  post({ kind: "lock" });
}

/** Whose data this tab holds open or waits for: a profile id, a sign-in in progress, or nobody. */
function holder(view: VaultView): string | null {
  if (view.kind === "locked" || view.kind === "unlocked") return view.profile.id;
  if (view.kind === "set-pin") return "set-pin";
  return view.kind === "loading" ? "loading" : null;
}

export function watchOtherTabs(db: LocalDb): () => void {
  if (typeof BroadcastChannel === "undefined") return () => undefined;
  channel = new BroadcastChannel(CHANNEL);
  let last = holder(vault.value);

  channel.onmessage = (event: MessageEvent<Message>) => {
    const view = vault.value;
    // A sign-in waiting for its PIN here keeps its secrets in memory: another tab's news cannot be about it.
    if (view.kind === "set-pin") return;
    following = true;
    const done = () => {
      following = false;
    };
    if (event.data.kind === "lock") {
      void lockVault(db).finally(done);
      return;
    }
    dropKey();
    void import("../account/session").then(({ loadAccount }) => loadAccount()).finally(done);
  };

  const stop = effect(() => {
    const now = holder(vault.value);
    const before = last;
    last = now;
    // The profile this tab had (open or locked) is gone from it: parked, erased, or replaced.
    if (!following && before !== null && before !== "loading" && before !== "set-pin" && now !== before) {
      post({ kind: "profile-changed" });
    }
  });

  return () => {
    stop();
    channel?.close();
    channel = null;
  };
}
