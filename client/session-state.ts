import { effect, type Signal, signal } from "@preact/signals";

/**
 * Small UI state that must survive a reload (an app update, a crash) within
 * the same visit. Not user data: sessionStorage is enough.
 */
export function sessionSignal<T extends string>(key: string, initial: T): Signal<T> {
  let start = initial;
  try {
    start = (sessionStorage.getItem(key) as T | null) ?? initial;
  } catch {
    // Storage blocked: keep the value in memory only.
  }
  const value = signal<T>(start);
  effect(() => {
    try {
      sessionStorage.setItem(key, value.value);
    } catch {
      // Same as above.
    }
  });
  return value;
}
