import { AppHeader } from "./components/AppHeader";
import { UpdatePrompt } from "./components/UpdatePrompt";
import { OfflineReadyNotice } from "./install/OfflineReadyNotice";
import { lazyScreen } from "./lazy-screen";
import { currentPath, isPersonalRoute, matchRoute, type Route } from "./router";
import { HomeScreen } from "./screens/HomeScreen";
import { NotFoundScreen } from "./screens/NotFoundScreen";
import { vault } from "./vault/view";

const GuideScreen = lazyScreen(() => import("./screens/GuideScreen").then((m) => m.GuideScreen));
const DraftsScreen = lazyScreen(() => import("./screens/DraftsScreen").then((m) => m.DraftsScreen));
const DraftScreen = lazyScreen(() => import("./screens/DraftScreen").then((m) => m.DraftScreen));
const TrackingScreen = lazyScreen(() => import("./tracking/TrackingScreen").then((m) => m.TrackingScreen));
const SurveyScreen = lazyScreen(() => import("./voice/SurveyScreen").then((m) => m.SurveyScreen));
const ComplaintScreen = lazyScreen(() => import("./voice/ComplaintScreen").then((m) => m.ComplaintScreen));
const SkmScreen = lazyScreen(() => import("./skm/SkmScreen").then((m) => m.SkmScreen));
const LoginScreen = lazyScreen(() => import("./screens/LoginScreen").then((m) => m.LoginScreen));
const LockScreen = lazyScreen(() => import("./lock/LockScreen").then((m) => m.LockScreen));
const PinScreen = lazyScreen(() => import("./lock/PinScreen").then((m) => m.PinScreen));
// Operators only: its own chunk, kept out of the service worker's precache.
const ConsoleApp = lazyScreen(() => import("./console/ConsoleApp").then((m) => m.ConsoleApp));

/**
 * A screen with people's data opens only with the vault open (issue 15):
 * otherwise the PIN (locked), the PIN to choose, or the password (nobody
 * signed in, an older version's data, or an erase) takes its place, at the
 * same address, so the screen comes back once the vault opens.
 */
function Personal({ route }: { route: Route }) {
  const view = vault.value;
  // The screen behind the lock loads now, while there may still be a signal: it opens offline later.
  if (view.kind !== "unlocked") prefetchPersonal(route);
  if (view.kind === "loading") return null;
  if (view.kind === "locked") return <LockScreen />;
  if (view.kind === "set-pin") return <PinScreen />;
  if (view.kind !== "unlocked") return <LoginScreen />;
  if (route.name === "draft") return <DraftScreen id={route.id} />;
  return <DraftsScreen />;
}

let prefetched = false;
function prefetchPersonal(route: Route): void {
  if (prefetched) return;
  prefetched = true;
  void (route.name === "draft" ? import("./screens/DraftScreen") : import("./screens/DraftsScreen")).catch(
    () => undefined,
  );
}

export function App() {
  const route = matchRoute(currentPath.value);
  // The files list comes right after the PIN is chosen.
  if (route.name === "pin") prefetchPersonal({ name: "drafts" });
  return (
    <>
      <AppHeader />
      <UpdatePrompt />
      <OfflineReadyNotice />
      <main id="main" class="page">
        {route.name === "home" && <HomeScreen />}
        {route.name === "guide" && <GuideScreen id={route.id} />}
        {isPersonalRoute(route) && <Personal route={route} />}
        {route.name === "login" && <LoginScreen />}
        {route.name === "pin" && <PinScreen />}
        {route.name === "console" && <ConsoleApp />}
        {route.name === "track" && <TrackingScreen number={route.number} />}
        {route.name === "survey" && <SurveyScreen number={route.number} />}
        {route.name === "complaint" && <ComplaintScreen number={route.number} />}
        {route.name === "skm" && <SkmScreen />}
        {route.name === "not-found" && <NotFoundScreen />}
      </main>
    </>
  );
}
