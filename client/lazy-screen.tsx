import { type Signal, signal } from "@preact/signals";
import type { ComponentType } from "preact";

/**
 * A screen whose code loads on first use, keeping the first screen's JS small.
 * The service worker precaches every chunk, so this works offline too.
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const loaded: Signal<ComponentType<P> | null> = signal(null);
  let started = false;
  return function LazyScreen(props: P) {
    if (!started) {
      started = true;
      void load().then((component) => {
        loaded.value = component;
      });
    }
    const Screen = loaded.value;
    return Screen ? <Screen {...props} /> : null;
  };
}
