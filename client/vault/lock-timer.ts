import { effect } from "@preact/signals";
import type { LocalDb } from "../db/local-db";
import { lockVault, readDeviceRules, vault } from "./vault";

/**
 * Locks the cadre's data after the office's `lockMinutes` without a touch or
 * a key, and on coming back from the background after being away that long
 * (issue 15). One setTimeout at a time, armed only while the vault is open:
 * a touch only notes the time (no timer work per event), and a timer that
 * fires early (the cadre touched since) sleeps again for what is left. Time
 * is Date.now, so a test's fake clock drives it; nothing polls.
 */
const ACTIVITY_EVENTS = ["pointerdown", "keydown", "touchstart", "input"] as const;

export interface LockTimer {
  stop(): void;
}

export function startLockTimer(db: LocalDb): LockTimer {
  let lastActivity = Date.now();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let limitMs = 0;
  let hiddenAt: number | null = null;
  let armed = false;

  const touched = () => {
    lastActivity = Date.now();
  };

  const lockNow = () => {
    disarm();
    void lockVault(db);
  };

  const schedule = (delay: number) => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(check, Math.max(0, delay));
  };

  function check() {
    timer = null;
    if (!armed) return;
    const idle = Date.now() - lastActivity;
    if (idle >= limitMs) lockNow();
    else {
      schedule(limitMs - idle);
      void refreshLimit();
    }
  }

  // The office may change its minutes (they come with each pull): the next wait uses the new ones.
  async function refreshLimit() {
    const rules = await readDeviceRules(db);
    if (!armed) return;
    const next = rules.lockMinutes * 60_000;
    if (next === limitMs) return;
    limitMs = next;
    check();
  }

  const onVisibility = () => {
    if (!armed) return;
    if (document.visibilityState === "hidden") {
      hiddenAt = Date.now();
      return;
    }
    const away = hiddenAt === null ? 0 : Date.now() - hiddenAt;
    hiddenAt = null;
    // Timers sleep in the background: the time away decides, then the idle time.
    if (away >= limitMs || Date.now() - lastActivity >= limitMs) lockNow();
    else check();
  };

  async function arm() {
    const rules = await readDeviceRules(db);
    // A guest has no PIN: nothing to lock.
    if (vault.value.kind !== "unlocked" || vault.value.guest) return;
    limitMs = rules.lockMinutes * 60_000;
    armed = true;
    lastActivity = Date.now();
    hiddenAt = document.visibilityState === "hidden" ? Date.now() : null;
    schedule(limitMs);
  }

  function disarm() {
    armed = false;
    hiddenAt = null;
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }

  for (const name of ACTIVITY_EVENTS) addEventListener(name, touched, { capture: true, passive: true });
  document.addEventListener("visibilitychange", onVisibility);
  const stopWatching = effect(() => {
    if (vault.value.kind === "unlocked" && !vault.value.guest) void arm();
    else disarm();
  });

  return {
    stop() {
      stopWatching();
      disarm();
      for (const name of ACTIVITY_EVENTS) removeEventListener(name, touched, { capture: true });
      document.removeEventListener("visibilitychange", onVisibility);
    },
  };
}
